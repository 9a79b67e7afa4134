drop function app.add_business_seconds(timestamptz, bigint);
drop function app.business_seconds_between(timestamptz, timestamptz);
drop table app.holidays;
drop table app.business_hours;
drop table app.sla_settings;
drop function app.tg_sla_settings__validate();
