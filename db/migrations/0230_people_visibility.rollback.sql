drop policy select_on_visible_requests on app.users;
