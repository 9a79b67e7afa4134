-- Back to 1120's loop over every agent of the category.

create or replace function app.tg_requests__notify() returns trigger
    language plpgsql volatile security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    actor uuid := app.current_user_id();
    agent uuid;
    note app.comments;
begin
    if tg_op = 'INSERT' then
        if new.requester_id is distinct from actor then
            perform app.enqueue_notification('filed_for_you', new.requester_id, new);
        end if;
        for agent in
            select tm.user_id from app.team_members tm
             where tm.category = new.category and tm.user_id <> new.requester_id
             order by tm.user_id
        loop
            perform app.enqueue_notification('new_in_category', agent, new);
        end loop;
        perform app.enqueue_webhook('new_in_category', new);
        return null;
    end if;

    if new.status is distinct from old.status then
        -- app.set_request_status writes the note (resolution, reopening…) as
        -- a public comment of the actor just before the move, and names it in
        -- reqstly.transition_note: it belongs in this e-mail, and its own
        -- "reply" e-mail is dropped.
        select * into note from app.comments c
         where c.request_id = new.id and not c.internal and c.created_at = now()
           and c.author_id is not distinct from actor
           and c.body = nullif(pg_catalog.current_setting('reqstly.transition_note', true), '')
         order by c.id desc limit 1;
        if app.enqueue_notification('status', new.requester_id, new, note,
                                    jsonb_build_object('from_status', old.status,
                                                       'from_label', app.status_label(old.status)))
           and note.id is not null then
            delete from app.notifications n
             where n.comment_id = note.id and n.kind = 'reply' and n.recipient_id = new.requester_id
               and n.state = 'pending';
        end if;
    end if;
    if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null then
        perform app.enqueue_notification('assigned', new.assignee_id, new);
    end if;
    return null;
end
$$;
