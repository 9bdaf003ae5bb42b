-- Servers keep what data_version says in memory and ask again only when told it moved
-- (src/db/change_feed.hpp): every bump, from any process or session, notifies the channel
-- "smedash_changes" with the payload "data". NOTIFY is sent at commit, so a server never
-- hears of a version it cannot read yet.
CREATE FUNCTION notify_data_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('smedash_changes', 'data');
  RETURN NULL;
END $$;

CREATE TRIGGER data_version_changed AFTER INSERT OR UPDATE OR DELETE ON data_version
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_version_changed();
