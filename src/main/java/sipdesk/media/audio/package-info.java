/**
 * Sound devices for the media engine: javax.sound.sampled lines chosen by part of the mixer name
 * ({@link sipdesk.media.audio.SoundCards}), a {@link sipdesk.media.audio.SilentDevice} when there is
 * no card, WAV files for tests, hot-plug fallback and re-probing, and an allocation-free
 * {@link sipdesk.media.audio.Resampler} between the codec rate and the card's. Every device works in
 * 20 ms frames of 16-bit mono samples at its own rate.
 */
package sipdesk.media.audio;
