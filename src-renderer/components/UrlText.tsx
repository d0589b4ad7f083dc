import { Fragment } from 'react';
import { urlSegments } from './url-segments';

/** A URL as text that wraps after its separators; the break points are not text, so copying gives the URL whole. */
export function UrlText({ url }: { url: string }) {
  return (
    <>
      {urlSegments(url).map((segment, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {segment}
        </Fragment>
      ))}
    </>
  );
}
