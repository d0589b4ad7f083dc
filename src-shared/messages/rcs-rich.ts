import { z } from 'zod';
import { coordinate, dateTime, dialNumber, httpUrl } from './fields';
import { makeIssue, type Issue } from './issue';
import { rcsLimits } from './limits';

/**
 * RCS rich content of the 1.20.0 model: suggestion chips (seven kinds, told
 * apart by `type`), rich cards and carousels, and the options that shape
 * them. The chips go on text messages and carousels (up to 11) and on each
 * card (up to 4); a tap comes back as an inbound `reply` or `button`.
 */

/** Every chip shows a label and hands back its postback data when tapped. */
const chip = {
  text: z.string().min(1).max(rcsLimits.suggestionText),
  postback_data: z.string().min(1),
};
const description = z.string().min(1).max(rcsLimits.suggestionDescription);

/** The seven kinds of chip, told apart by `type`. */
const suggestion = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reply'), ...chip }),
  z.strictObject({ type: z.literal('dial'), ...chip, phone_number: dialNumber, fallback_url: httpUrl.optional() }),
  z.strictObject({
    type: z.literal('view_location'),
    ...chip,
    latitude: coordinate(90, 'latitude'),
    longitude: coordinate(180, 'longitude'),
    pin_label: z.string().min(1),
    fallback_url: httpUrl.optional(),
  }),
  z.strictObject({ type: z.literal('share_location'), ...chip }),
  z.strictObject({ type: z.literal('open_url'), ...chip, url: httpUrl, description }),
  z.strictObject({
    type: z.literal('open_url_in_webview'),
    ...chip,
    url: httpUrl,
    description,
    view_mode: z.enum(['FULL', 'TALL', 'HALF']).optional(),
  }),
  z.strictObject({
    type: z.literal('create_calendar_event'),
    ...chip,
    start_time: dateTime,
    end_time: dateTime,
    title: z.string().min(1).max(rcsLimits.calendarTitle),
    description: z.string().min(1).max(rcsLimits.calendarDescription),
    fallback_url: httpUrl.optional(),
  }),
]);

export const messageSuggestions = z.array(suggestion).max(rcsLimits.suggestionsPerMessage);

export const rcsCard = z.strictObject({
  title: z.string().min(1).max(rcsLimits.cardTitle),
  text: z.string().min(1).max(rcsLimits.cardText),
  media_url: httpUrl,
  media_description: z.string().min(1).optional(),
  media_height: z.enum(['SHORT', 'MEDIUM', 'TALL']).optional(),
  thumbnail_url: httpUrl.optional(),
  media_force_refresh: z.boolean().optional(),
  suggestions: z.array(suggestion).max(rcsLimits.suggestionsPerCard).optional(),
});

export const rcsCarousel = z.strictObject({
  cards: z.array(rcsCard).min(rcsLimits.carouselCards.min).max(rcsLimits.carouselCards.max),
});

const rcsCategory = z.enum(['authentication', 'transaction', 'promotion', 'service-request', 'acknowledgement']);

/** The `rcs` object: every RCS message takes a category; cards and carousels add their layout. */
export const rcsOptions = {
  standard: z.strictObject({ category: rcsCategory.optional() }),
  card: z.strictObject({
    category: rcsCategory.optional(),
    card_orientation: z.enum(['VERTICAL', 'HORIZONTAL']).optional(),
    image_alignment: z.enum(['RIGHT', 'LEFT']).optional(),
  }),
  carousel: z.strictObject({ category: rcsCategory.optional(), card_width: z.enum(['SMALL', 'MEDIUM']).optional() }),
} as const;

type Json = Record<string, unknown>;
type Path = (string | number)[];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fields a rich card needs only in one layout: a vertical card needs
 * card.media_height, a horizontal one rcs.image_alignment. The schema cannot
 * say "required when", so these are checked on the raw body.
 */
export function rcsCardLayoutErrors(body: Json, prefix: Path): Issue[] {
  const options = isObject(body.rcs) ? body.rcs : {};
  const card = isObject(body.card) ? body.card : undefined;
  if (card === undefined) return [];
  if (options.card_orientation === 'VERTICAL' && card.media_height === undefined) {
    return [
      makeIssue(
        [...prefix, 'card', 'media_height'],
        'REQUIRED',
        'A vertical RCS card needs card.media_height, one of SHORT, MEDIUM, TALL',
        'Add card.media_height, e.g. "MEDIUM", or make the card HORIZONTAL.',
      ),
    ];
  }
  if (options.card_orientation === 'HORIZONTAL' && options.image_alignment === undefined) {
    return [
      makeIssue(
        [...prefix, 'rcs', 'image_alignment'],
        'REQUIRED',
        'A horizontal RCS card needs rcs.image_alignment, LEFT or RIGHT',
        'Add rcs.image_alignment, e.g. "LEFT", or make the card VERTICAL.',
      ),
    ];
  }
  return [];
}
