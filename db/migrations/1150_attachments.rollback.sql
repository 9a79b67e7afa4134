drop function api.remove_attachment(bigint);
drop function api.download_attachment(bigint);
drop function api.upload_attachment(bytea);
drop domain api."*/*";
drop view api.attachments;
drop table app.attachments;
drop function app.tg_attachments__audit();
drop function app.tg_attachments__immutable();
drop function app.tg_attachments__set_defaults();
drop function app.percent_decode(text);
drop function app.percent_encode(text);
drop function app.detect_file_type(bytea);
drop table app.attachment_limits;
drop table app.attachment_types;
-- Entries about files stay in the chain (it is append-only), so the wider list of actions stays too.
