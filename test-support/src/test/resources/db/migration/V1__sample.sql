CREATE TABLE sample_item (
    id    BIGSERIAL PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    tags  TEXT[] NOT NULL DEFAULT '{}'
);
INSERT INTO sample_item (name, tags) VALUES ('first', ARRAY['a', 'b']);
