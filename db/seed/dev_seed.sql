-- Demo data for local runs and tests (README: the demo people). Never loaded in production.
-- Every request, move and comment is made *as* the person who would make it,
-- through the same triggers as the API, so the audit chains are real.
\set ON_ERROR_STOP on

begin;

insert into app.users (id, tenant_id, object_id, display_name, email, is_admin) values
    ('a11ce000-0000-4000-8000-000000000001', '7e4a1c00-0000-4000-8000-00000000d3a0', 'a11ce000-0000-4000-8000-0000000000a1', 'Alice Requester', 'alice@example.com', false),
    ('1ba00000-0000-4000-8000-000000000002', '7e4a1c00-0000-4000-8000-00000000d3a0', '1ba00000-0000-4000-8000-0000000000a2', 'Ivan (IT)',       'ivan@example.com',  false),
    ('4a4a0000-0000-4000-8000-000000000003', '7e4a1c00-0000-4000-8000-00000000d3a0', '4a4a0000-0000-4000-8000-0000000000a3', 'Hana (HR)',       'hana@example.com',  false),
    ('0a9a0000-0000-4000-8000-000000000004', '7e4a1c00-0000-4000-8000-00000000d3a0', '0a9a0000-0000-4000-8000-0000000000a4', 'Olga (Ops & Admin)', 'olga@example.com', false),
    ('ad000000-0000-4000-8000-000000000005', '7e4a1c00-0000-4000-8000-00000000d3a0', 'ad000000-0000-4000-8000-0000000000a5', 'Ada Admin',       'admin@example.com', true);

insert into app.team_members (user_id, category) values
    ('1ba00000-0000-4000-8000-000000000002', 'IT'),
    ('4a4a0000-0000-4000-8000-000000000003', 'HR'),
    ('0a9a0000-0000-4000-8000-000000000004', 'OPS'),
    ('0a9a0000-0000-4000-8000-000000000004', 'ADMIN');

-- Act as a demo person, as PostgREST does: role web_user and the JWT claims.
create function pg_temp.act_as(email text) returns void language plpgsql as $$
begin
    perform set_config('request.jwt.claims',
        json_build_object('sub', (select id from app.users u where u.email = act_as.email), 'role', 'web_user')::text,
        true);
    set local role web_user;
end $$;

create function pg_temp.file(who text, category text, priority text, title text, description text)
returns bigint language plpgsql as $$
declare
    new_id bigint;
begin
    perform pg_temp.act_as(who);
    insert into api.requests (title, description, category, priority)
    values (title, description, category, priority) returning id into new_id;
    reset role;
    return new_id;
end $$;

create function pg_temp.move(who text, request bigint, to_status text, note text default null)
returns void language plpgsql as $$
begin
    perform pg_temp.act_as(who);
    perform api.transition_request(request, to_status, note);
    reset role;
end $$;

create function pg_temp.say(who text, request bigint, body text, internal boolean default false)
returns void language plpgsql as $$
begin
    perform pg_temp.act_as(who);
    insert into api.comments (request_id, body, internal) values (request, body, internal);
    reset role;
end $$;

do $$
declare
    r bigint;
    agent_of constant jsonb := '{"IT": "ivan@example.com", "HR": "hana@example.com",
                                 "OPS": "olga@example.com", "ADMIN": "olga@example.com"}';
    item record;
    n integer := 0;
    requester text;
begin
    for item in
        select * from (values
            ('IT',    'high',   'Laptop will not start after update', 'The laptop shows a black screen after last night''s update.'),
            ('IT',    'normal', 'Printer on floor 2 jams',             'The printer by the kitchen jams on every second page.'),
            ('IT',    'urgent', 'Cannot reach the VPN from home',      'The VPN client says "authentication failed" since this morning.'),
            ('IT',    'low',    'Second monitor for my desk',          'A second 24" monitor would help with spreadsheets.'),
            ('IT',    'normal', 'Outlook keeps asking for my password', 'Every hour Outlook asks for my password again.'),
            ('IT',    'normal', 'New starter needs an account',        'Please create accounts for a new colleague starting Monday.'),
            ('IT',    'high',   'Shared drive is read-only',           'I cannot save files to the finance shared drive.'),
            ('IT',    'low',    'Install a PDF editor',                'I need to fill in and sign PDF forms.'),
            ('IT',    'normal', 'Wi-Fi drops in meeting room B',       'The connection drops every few minutes in meeting room B.'),
            ('IT',    'normal', 'Phone not syncing calendar',          'My phone calendar stopped syncing with Outlook.'),
            ('HR',    'normal', 'Update my bank details',              'I changed banks; payroll needs my new account.'),
            ('HR',    'low',    'Question about parental leave',       'How many weeks of parental leave can I take?'),
            ('HR',    'normal', 'Certificate of employment',           'I need a certificate of employment for a rental application.'),
            ('HR',    'high',   'Payslip shows wrong hours',           'My October payslip is missing 12 hours of overtime.'),
            ('HR',    'normal', 'Training budget request',             'I would like to attend a two-day course in March.'),
            ('HR',    'low',    'Change of address',                   'I moved; please update my address.'),
            ('HR',    'normal', 'Holiday balance looks wrong',         'My remaining holiday shows 3 days fewer than I expected.'),
            ('HR',    'normal', 'Referral bonus for a new hire',       'My referral started last month.'),
            ('HR',    'urgent', 'Contract not received',               'I start next week and have not received my contract.'),
            ('HR',    'low',    'Team photo for the intranet',         'Can HR arrange a team photo?'),
            ('OPS',   'high',   'Heating off on the third floor',      'It is 16 degrees on the third floor.'),
            ('OPS',   'normal', 'Broken chair in room 3.12',           'The chair''s gas lift is broken.'),
            ('OPS',   'normal', 'Parking permit for a visitor',        'A visitor arrives Thursday at 10:00.'),
            ('OPS',   'low',    'More plants in the lobby',            'The lobby could use some greenery.'),
            ('OPS',   'urgent', 'Water leak in the kitchen',           'Water is dripping from the ceiling above the sink.'),
            ('OPS',   'normal', 'Book the large meeting room',         'For the all-hands on the 14th.'),
            ('OPS',   'normal', 'Light flickering in corridor',        'The light near the lift flickers constantly.'),
            ('OPS',   'low',    'Bike rack is full',                   'We need a few more bike spaces.'),
            ('OPS',   'normal', 'Coffee machine descaling',            'The coffee machine says it needs descaling.'),
            ('OPS',   'high',   'Front door badge reader broken',      'The badge reader at the front door does not react.'),
            ('ADMIN', 'normal', 'Business cards',                      'I need 200 business cards with my new title.'),
            ('ADMIN', 'low',    'Stationery order',                    'Notebooks, pens and sticky notes for the team.'),
            ('ADMIN', 'normal', 'Travel booking for conference',       'Flights and hotel for the Berlin conference.'),
            ('ADMIN', 'high',   'Courier for signed contracts',        'Signed contracts must reach the client by Friday.'),
            ('ADMIN', 'normal', 'Expense claim stuck',                 'My expense claim from September is still pending.'),
            ('ADMIN', 'low',    'Company letterhead template',         'Where can I find the current letterhead template?'),
            ('ADMIN', 'normal', 'Post redirection',                    'Please forward post for the old office address.'),
            ('ADMIN', 'normal', 'Name badge for visitor',              'A visitor badge for an auditor next week.'),
            ('ADMIN', 'urgent', 'Insurance certificate for a client',  'The client needs our liability insurance certificate today.'),
            ('ADMIN', 'low',    'Archive old files',                   'Three boxes of 2019 files to archive.')
        ) as t(category, priority, title, description)
    loop
        n := n + 1;
        -- Most requests come from Alice; agents file some of their own too.
        requester := case when n % 7 = 0 then 'hana@example.com'
                          when n % 11 = 0 then 'ivan@example.com'
                          else 'alice@example.com' end;
        r := pg_temp.file(requester, item.category, item.priority, item.title, item.description);
        case n % 5
            when 0 then  -- open, with a question from the requester
                perform pg_temp.say(requester, r, 'Any update on this?');
            when 1 then  -- in progress, with an internal note
                perform pg_temp.move(agent_of ->> item.category, r, 'in_progress');
                perform pg_temp.say(agent_of ->> item.category, r, 'Checked the logs, looking into it.', true);
                perform pg_temp.say(agent_of ->> item.category, r, 'We are on it and will report back today.');
            when 2 then  -- resolved
                perform pg_temp.move(agent_of ->> item.category, r, 'in_progress');
                perform pg_temp.move(agent_of ->> item.category, r, 'resolved', 'Done — please let us know if anything is still wrong.');
            when 3 then  -- cancelled by the requester, or still open
                if n % 2 = 1 then
                    perform pg_temp.move(requester, r, 'cancelled', 'No longer needed, thanks.');
                end if;
            else         -- resolved, then reopened
                perform pg_temp.move(agent_of ->> item.category, r, 'in_progress');
                perform pg_temp.move(agent_of ->> item.category, r, 'resolved', 'Fixed.');
                if n % 3 = 0 then
                    perform pg_temp.move(requester, r, 'open', 'It happened again this morning.');
                end if;
        end case;
    end loop;
end
$$;

commit;

-- The demo admin can also work at a psql prompt: psql -U reqstly_demo_admin.
select app.create_admin_login('ad000000-0000-4000-8000-000000000005', 'reqstly_demo_admin');
