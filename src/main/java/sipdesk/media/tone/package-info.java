/**
 * Call-progress tones: Yealink tone strings ({@link sipdesk.media.tone.TonePattern}), country plans
 * ({@link sipdesk.media.tone.TonePlans}), a frame generator, a Goertzel detector to measure what is
 * played, and a saturating mixer. Pure: the audio adapter pulls frames from here.
 */
package sipdesk.media.tone;
