-- Crypto-shredding: plates are kept only sealed (AES-GCM under the case's own key, alpr_common.crypto), and
-- each sighting names review's sealed copy of its image (`cases/<case_id>/<frame_id>`); destroying the case
-- key makes both unreadable. A sealed value is three columns: the key id, the nonce and the ciphertext.
--
-- Rows written before this migration hold plaintext plates, which SQL cannot seal (it has no keys): the
-- plaintext is dropped here, those sightings keep NULL sealed columns (the API answers 410 for them), and
-- cases still open leave the queue as expired.

-- A case whose epoch keys were destroyed before review could move its evidence onto the case key.
ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'confirmed', 'rejected', 'expired'));
ALTER TABLE cases ADD COLUMN expired_reason text;
UPDATE cases SET status = 'expired',
    expired_reason = 'recorded before evidence was sealed: its plaintext plate was removed by migration 0004'
    WHERE status = 'open';
ALTER TABLE cases ADD CONSTRAINT cases_expired_has_reason CHECK ((status = 'expired') = (expired_reason IS NOT NULL));
ALTER TABLE cases DROP COLUMN plate_text;

-- object_key stays as the frame the sighting came from (sealed under its epoch key, shredded with it).
ALTER TABLE sightings DROP COLUMN plate_text;
ALTER TABLE sightings ADD COLUMN plate_key_id text;
ALTER TABLE sightings ADD COLUMN plate_nonce bytea;
ALTER TABLE sightings ADD COLUMN plate_ciphertext bytea;  -- associated data: read_id
ALTER TABLE sightings ADD COLUMN evidence_key text;       -- the image, sealed under the case key
ALTER TABLE sightings ADD CONSTRAINT sightings_sealed_together
    CHECK (num_nulls(plate_key_id, plate_nonce, plate_ciphertext, evidence_key) IN (0, 4));

ALTER TABLE decisions DROP COLUMN corrected_plate;
ALTER TABLE decisions ADD COLUMN corrected_key_id text;
ALTER TABLE decisions ADD COLUMN corrected_nonce bytea;
ALTER TABLE decisions ADD COLUMN corrected_ciphertext bytea;  -- associated data: decision_id
ALTER TABLE decisions ADD CONSTRAINT decisions_corrected_sealed_together
    CHECK (num_nulls(corrected_key_id, corrected_nonce, corrected_ciphertext) IN (0, 3));
