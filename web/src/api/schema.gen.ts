// Generated from PostgREST's OpenAPI description of the `api` schema by
// web/scripts/api-types.mjs (openapi-typescript). Do not edit: run `make api-types`.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenAPI description (this document) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files on the requests and comments the caller can read (metadata; the bytes come from rpc/download_attachment). */
        get: {
            parameters: {
                query?: {
                    comment_id?: components["parameters"]["rowFilter.attachments.comment_id"];
                    content_type?: components["parameters"]["rowFilter.attachments.content_type"];
                    created_at?: components["parameters"]["rowFilter.attachments.created_at"];
                    filename?: components["parameters"]["rowFilter.attachments.filename"];
                    id?: components["parameters"]["rowFilter.attachments.id"];
                    internal?: components["parameters"]["rowFilter.attachments.internal"];
                    is_image?: components["parameters"]["rowFilter.attachments.is_image"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    removed_at?: components["parameters"]["rowFilter.attachments.removed_at"];
                    request_id?: components["parameters"]["rowFilter.attachments.request_id"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    sha256?: components["parameters"]["rowFilter.attachments.sha256"];
                    size_bytes?: components["parameters"]["rowFilter.attachments.size_bytes"];
                    uploaded_by?: components["parameters"]["rowFilter.attachments.uploaded_by"];
                    uploaded_by_name?: components["parameters"]["rowFilter.attachments.uploaded_by_name"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["attachments"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["attachments"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["attachments"][];
                        "text/csv": components["schemas"]["attachments"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.categories.code"];
                    key_prefix?: components["parameters"]["rowFilter.categories.key_prefix"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    name?: components["parameters"]["rowFilter.categories.name"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["categories"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["categories"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["categories"][];
                        "text/csv": components["schemas"]["categories"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["categories"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.categories.code"];
                    key_prefix?: components["parameters"]["rowFilter.categories.key_prefix"];
                    name?: components["parameters"]["rowFilter.categories.name"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.categories.code"];
                    key_prefix?: components["parameters"]["rowFilter.categories.key_prefix"];
                    name?: components["parameters"]["rowFilter.categories.name"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["categories"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    author_id?: components["parameters"]["rowFilter.comments.author_id"];
                    author_name?: components["parameters"]["rowFilter.comments.author_name"];
                    body?: components["parameters"]["rowFilter.comments.body"];
                    created_at?: components["parameters"]["rowFilter.comments.created_at"];
                    id?: components["parameters"]["rowFilter.comments.id"];
                    internal?: components["parameters"]["rowFilter.comments.internal"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    request_id?: components["parameters"]["rowFilter.comments.request_id"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["comments"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["comments"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["comments"][];
                        "text/csv": components["schemas"]["comments"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["comments"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    author_id?: components["parameters"]["rowFilter.comments.author_id"];
                    author_name?: components["parameters"]["rowFilter.comments.author_name"];
                    body?: components["parameters"]["rowFilter.comments.body"];
                    created_at?: components["parameters"]["rowFilter.comments.created_at"];
                    id?: components["parameters"]["rowFilter.comments.id"];
                    internal?: components["parameters"]["rowFilter.comments.internal"];
                    request_id?: components["parameters"]["rowFilter.comments.request_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    author_id?: components["parameters"]["rowFilter.comments.author_id"];
                    author_name?: components["parameters"]["rowFilter.comments.author_name"];
                    body?: components["parameters"]["rowFilter.comments.body"];
                    created_at?: components["parameters"]["rowFilter.comments.created_at"];
                    id?: components["parameters"]["rowFilter.comments.id"];
                    internal?: components["parameters"]["rowFilter.comments.internal"];
                    request_id?: components["parameters"]["rowFilter.comments.request_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["comments"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.me.agent_categories"];
                    display_name?: components["parameters"]["rowFilter.me.display_name"];
                    email?: components["parameters"]["rowFilter.me.email"];
                    id?: components["parameters"]["rowFilter.me.id"];
                    is_admin?: components["parameters"]["rowFilter.me.is_admin"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["me"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["me"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["me"][];
                        "text/csv": components["schemas"]["me"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["me"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.me.agent_categories"];
                    display_name?: components["parameters"]["rowFilter.me.display_name"];
                    email?: components["parameters"]["rowFilter.me.email"];
                    id?: components["parameters"]["rowFilter.me.id"];
                    is_admin?: components["parameters"]["rowFilter.me.is_admin"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.me.agent_categories"];
                    display_name?: components["parameters"]["rowFilter.me.display_name"];
                    email?: components["parameters"]["rowFilter.me.email"];
                    id?: components["parameters"]["rowFilter.me.id"];
                    is_admin?: components["parameters"]["rowFilter.me.is_admin"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["me"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/my_passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller's other sessions. */
        get: {
            parameters: {
                query?: {
                    backed_up?: components["parameters"]["rowFilter.my_passkeys.backed_up"];
                    created_at?: components["parameters"]["rowFilter.my_passkeys.created_at"];
                    id?: components["parameters"]["rowFilter.my_passkeys.id"];
                    last_used_at?: components["parameters"]["rowFilter.my_passkeys.last_used_at"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    name?: components["parameters"]["rowFilter.my_passkeys.name"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["my_passkeys"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["my_passkeys"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["my_passkeys"][];
                        "text/csv": components["schemas"]["my_passkeys"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The caller's passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller's other sessions. */
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["my_passkeys"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** The caller's passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller's other sessions. */
        delete: {
            parameters: {
                query?: {
                    backed_up?: components["parameters"]["rowFilter.my_passkeys.backed_up"];
                    created_at?: components["parameters"]["rowFilter.my_passkeys.created_at"];
                    id?: components["parameters"]["rowFilter.my_passkeys.id"];
                    last_used_at?: components["parameters"]["rowFilter.my_passkeys.last_used_at"];
                    name?: components["parameters"]["rowFilter.my_passkeys.name"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** The caller's passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller's other sessions. */
        patch: {
            parameters: {
                query?: {
                    backed_up?: components["parameters"]["rowFilter.my_passkeys.backed_up"];
                    created_at?: components["parameters"]["rowFilter.my_passkeys.created_at"];
                    id?: components["parameters"]["rowFilter.my_passkeys.id"];
                    last_used_at?: components["parameters"]["rowFilter.my_passkeys.last_used_at"];
                    name?: components["parameters"]["rowFilter.my_passkeys.name"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["my_passkeys"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/my_sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    created_at?: components["parameters"]["rowFilter.my_sessions.created_at"];
                    current?: components["parameters"]["rowFilter.my_sessions.current"];
                    id?: components["parameters"]["rowFilter.my_sessions.id"];
                    last_seen_at?: components["parameters"]["rowFilter.my_sessions.last_seen_at"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    method?: components["parameters"]["rowFilter.my_sessions.method"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    user_agent?: components["parameters"]["rowFilter.my_sessions.user_agent"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["my_sessions"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["my_sessions"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["my_sessions"][];
                        "text/csv": components["schemas"]["my_sessions"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["my_sessions"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    created_at?: components["parameters"]["rowFilter.my_sessions.created_at"];
                    current?: components["parameters"]["rowFilter.my_sessions.current"];
                    id?: components["parameters"]["rowFilter.my_sessions.id"];
                    last_seen_at?: components["parameters"]["rowFilter.my_sessions.last_seen_at"];
                    method?: components["parameters"]["rowFilter.my_sessions.method"];
                    user_agent?: components["parameters"]["rowFilter.my_sessions.user_agent"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    created_at?: components["parameters"]["rowFilter.my_sessions.created_at"];
                    current?: components["parameters"]["rowFilter.my_sessions.current"];
                    id?: components["parameters"]["rowFilter.my_sessions.id"];
                    last_seen_at?: components["parameters"]["rowFilter.my_sessions.last_seen_at"];
                    method?: components["parameters"]["rowFilter.my_sessions.method"];
                    user_agent?: components["parameters"]["rowFilter.my_sessions.user_agent"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["my_sessions"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/notification_settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notification choices: one row per kind that concerns them (agents also get the agent kinds). */
        get: {
            parameters: {
                query?: {
                    audience?: components["parameters"]["rowFilter.notification_settings.audience"];
                    delivery?: components["parameters"]["rowFilter.notification_settings.delivery"];
                    enabled?: components["parameters"]["rowFilter.notification_settings.enabled"];
                    kind?: components["parameters"]["rowFilter.notification_settings.kind"];
                    label?: components["parameters"]["rowFilter.notification_settings.label"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["notification_settings"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["notification_settings"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["notification_settings"][];
                        "text/csv": components["schemas"]["notification_settings"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.people.agent_categories"];
                    disabled_at?: components["parameters"]["rowFilter.people.disabled_at"];
                    display_name?: components["parameters"]["rowFilter.people.display_name"];
                    email?: components["parameters"]["rowFilter.people.email"];
                    id?: components["parameters"]["rowFilter.people.id"];
                    is_admin?: components["parameters"]["rowFilter.people.is_admin"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    rights_from_entra?: components["parameters"]["rowFilter.people.rights_from_entra"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["people"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["people"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["people"][];
                        "text/csv": components["schemas"]["people"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["people"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.people.agent_categories"];
                    disabled_at?: components["parameters"]["rowFilter.people.disabled_at"];
                    display_name?: components["parameters"]["rowFilter.people.display_name"];
                    email?: components["parameters"]["rowFilter.people.email"];
                    id?: components["parameters"]["rowFilter.people.id"];
                    is_admin?: components["parameters"]["rowFilter.people.is_admin"];
                    rights_from_entra?: components["parameters"]["rowFilter.people.rights_from_entra"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    agent_categories?: components["parameters"]["rowFilter.people.agent_categories"];
                    disabled_at?: components["parameters"]["rowFilter.people.disabled_at"];
                    display_name?: components["parameters"]["rowFilter.people.display_name"];
                    email?: components["parameters"]["rowFilter.people.email"];
                    id?: components["parameters"]["rowFilter.people.id"];
                    is_admin?: components["parameters"]["rowFilter.people.is_admin"];
                    rights_from_entra?: components["parameters"]["rowFilter.people.rights_from_entra"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["people"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/request_counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's visible requests counted by status, category, mine and assigned_to_me: sum the rows a tab covers. */
        get: {
            parameters: {
                query?: {
                    assigned_to_me?: components["parameters"]["rowFilter.request_counts.assigned_to_me"];
                    category?: components["parameters"]["rowFilter.request_counts.category"];
                    count?: components["parameters"]["rowFilter.request_counts.count"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    mine?: components["parameters"]["rowFilter.request_counts.mine"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    status?: components["parameters"]["rowFilter.request_counts.status"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request_counts"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["request_counts"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_counts"][];
                        "text/csv": components["schemas"]["request_counts"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request_history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    action?: components["parameters"]["rowFilter.request_history.action"];
                    actor_id?: components["parameters"]["rowFilter.request_history.actor_id"];
                    actor_name?: components["parameters"]["rowFilter.request_history.actor_name"];
                    at?: components["parameters"]["rowFilter.request_history.at"];
                    changes?: components["parameters"]["rowFilter.request_history.changes"];
                    id?: components["parameters"]["rowFilter.request_history.id"];
                    internal?: components["parameters"]["rowFilter.request_history.internal"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    request_id?: components["parameters"]["rowFilter.request_history.request_id"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request_history"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["request_history"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_history"][];
                        "text/csv": components["schemas"]["request_history"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["request_history"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    action?: components["parameters"]["rowFilter.request_history.action"];
                    actor_id?: components["parameters"]["rowFilter.request_history.actor_id"];
                    actor_name?: components["parameters"]["rowFilter.request_history.actor_name"];
                    at?: components["parameters"]["rowFilter.request_history.at"];
                    changes?: components["parameters"]["rowFilter.request_history.changes"];
                    id?: components["parameters"]["rowFilter.request_history.id"];
                    internal?: components["parameters"]["rowFilter.request_history.internal"];
                    request_id?: components["parameters"]["rowFilter.request_history.request_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    action?: components["parameters"]["rowFilter.request_history.action"];
                    actor_id?: components["parameters"]["rowFilter.request_history.actor_id"];
                    actor_name?: components["parameters"]["rowFilter.request_history.actor_name"];
                    at?: components["parameters"]["rowFilter.request_history.at"];
                    changes?: components["parameters"]["rowFilter.request_history.changes"];
                    id?: components["parameters"]["rowFilter.request_history.id"];
                    internal?: components["parameters"]["rowFilter.request_history.internal"];
                    request_id?: components["parameters"]["rowFilter.request_history.request_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["request_history"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/request_list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests the caller may see as lists show them: names, version, both SLA clocks (and when the first response came). */
        get: {
            parameters: {
                query?: {
                    assignee_id?: components["parameters"]["rowFilter.request_list.assignee_id"];
                    assignee_name?: components["parameters"]["rowFilter.request_list.assignee_name"];
                    category?: components["parameters"]["rowFilter.request_list.category"];
                    created_at?: components["parameters"]["rowFilter.request_list.created_at"];
                    first_responded_at?: components["parameters"]["rowFilter.request_list.first_responded_at"];
                    first_response_due_at?: components["parameters"]["rowFilter.request_list.first_response_due_at"];
                    first_response_state?: components["parameters"]["rowFilter.request_list.first_response_state"];
                    id?: components["parameters"]["rowFilter.request_list.id"];
                    key?: components["parameters"]["rowFilter.request_list.key"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    priority?: components["parameters"]["rowFilter.request_list.priority"];
                    priority_rank?: components["parameters"]["rowFilter.request_list.priority_rank"];
                    requester_id?: components["parameters"]["rowFilter.request_list.requester_id"];
                    requester_name?: components["parameters"]["rowFilter.request_list.requester_name"];
                    resolution_due_at?: components["parameters"]["rowFilter.request_list.resolution_due_at"];
                    resolution_state?: components["parameters"]["rowFilter.request_list.resolution_state"];
                    resolved_at?: components["parameters"]["rowFilter.request_list.resolved_at"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    status?: components["parameters"]["rowFilter.request_list.status"];
                    title?: components["parameters"]["rowFilter.request_list.title"];
                    updated_at?: components["parameters"]["rowFilter.request_list.updated_at"];
                    version?: components["parameters"]["rowFilter.request_list.version"];
                    waiting_on_requester_since?: components["parameters"]["rowFilter.request_list.waiting_on_requester_since"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request_list"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["request_list"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_list"][];
                        "text/csv": components["schemas"]["request_list"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request_ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    comment?: components["parameters"]["rowFilter.request_ratings.comment"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    rated_at?: components["parameters"]["rowFilter.request_ratings.rated_at"];
                    request_id?: components["parameters"]["rowFilter.request_ratings.request_id"];
                    resolved_at?: components["parameters"]["rowFilter.request_ratings.resolved_at"];
                    score?: components["parameters"]["rowFilter.request_ratings.score"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request_ratings"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["request_ratings"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_ratings"][];
                        "text/csv": components["schemas"]["request_ratings"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["request_ratings"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    comment?: components["parameters"]["rowFilter.request_ratings.comment"];
                    rated_at?: components["parameters"]["rowFilter.request_ratings.rated_at"];
                    request_id?: components["parameters"]["rowFilter.request_ratings.request_id"];
                    resolved_at?: components["parameters"]["rowFilter.request_ratings.resolved_at"];
                    score?: components["parameters"]["rowFilter.request_ratings.score"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    comment?: components["parameters"]["rowFilter.request_ratings.comment"];
                    rated_at?: components["parameters"]["rowFilter.request_ratings.rated_at"];
                    request_id?: components["parameters"]["rowFilter.request_ratings.request_id"];
                    resolved_at?: components["parameters"]["rowFilter.request_ratings.resolved_at"];
                    score?: components["parameters"]["rowFilter.request_ratings.score"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["request_ratings"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/request_sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Both SLA clocks of the requests the caller sees: due times and state (none, running, at_risk, paused, breached, met). */
        get: {
            parameters: {
                query?: {
                    first_responded_at?: components["parameters"]["rowFilter.request_sla.first_responded_at"];
                    first_response_due_at?: components["parameters"]["rowFilter.request_sla.first_response_due_at"];
                    first_response_state?: components["parameters"]["rowFilter.request_sla.first_response_state"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    request_id?: components["parameters"]["rowFilter.request_sla.request_id"];
                    resolution_due_at?: components["parameters"]["rowFilter.request_sla.resolution_due_at"];
                    resolution_state?: components["parameters"]["rowFilter.request_sla.resolution_state"];
                    resolution_target_seconds?: components["parameters"]["rowFilter.request_sla.resolution_target_seconds"];
                    resolution_used_seconds?: components["parameters"]["rowFilter.request_sla.resolution_used_seconds"];
                    resolved_at?: components["parameters"]["rowFilter.request_sla.resolved_at"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    waiting_on_requester_since?: components["parameters"]["rowFilter.request_sla.waiting_on_requester_since"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["request_sla"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["request_sla"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_sla"][];
                        "text/csv": components["schemas"]["request_sla"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id. */
        get: {
            parameters: {
                query?: {
                    assignee_id?: components["parameters"]["rowFilter.requests.assignee_id"];
                    category?: components["parameters"]["rowFilter.requests.category"];
                    created_at?: components["parameters"]["rowFilter.requests.created_at"];
                    description?: components["parameters"]["rowFilter.requests.description"];
                    id?: components["parameters"]["rowFilter.requests.id"];
                    key?: components["parameters"]["rowFilter.requests.key"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    priority?: components["parameters"]["rowFilter.requests.priority"];
                    priority_rank?: components["parameters"]["rowFilter.requests.priority_rank"];
                    requester_id?: components["parameters"]["rowFilter.requests.requester_id"];
                    resolved_at?: components["parameters"]["rowFilter.requests.resolved_at"];
                    search?: components["parameters"]["rowFilter.requests.search"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    status?: components["parameters"]["rowFilter.requests.status"];
                    title?: components["parameters"]["rowFilter.requests.title"];
                    updated_at?: components["parameters"]["rowFilter.requests.updated_at"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["requests"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["requests"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["requests"][];
                        "text/csv": components["schemas"]["requests"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id. */
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["requests"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id. */
        delete: {
            parameters: {
                query?: {
                    assignee_id?: components["parameters"]["rowFilter.requests.assignee_id"];
                    category?: components["parameters"]["rowFilter.requests.category"];
                    created_at?: components["parameters"]["rowFilter.requests.created_at"];
                    description?: components["parameters"]["rowFilter.requests.description"];
                    id?: components["parameters"]["rowFilter.requests.id"];
                    key?: components["parameters"]["rowFilter.requests.key"];
                    priority?: components["parameters"]["rowFilter.requests.priority"];
                    priority_rank?: components["parameters"]["rowFilter.requests.priority_rank"];
                    requester_id?: components["parameters"]["rowFilter.requests.requester_id"];
                    resolved_at?: components["parameters"]["rowFilter.requests.resolved_at"];
                    search?: components["parameters"]["rowFilter.requests.search"];
                    status?: components["parameters"]["rowFilter.requests.status"];
                    title?: components["parameters"]["rowFilter.requests.title"];
                    updated_at?: components["parameters"]["rowFilter.requests.updated_at"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id. */
        patch: {
            parameters: {
                query?: {
                    assignee_id?: components["parameters"]["rowFilter.requests.assignee_id"];
                    category?: components["parameters"]["rowFilter.requests.category"];
                    created_at?: components["parameters"]["rowFilter.requests.created_at"];
                    description?: components["parameters"]["rowFilter.requests.description"];
                    id?: components["parameters"]["rowFilter.requests.id"];
                    key?: components["parameters"]["rowFilter.requests.key"];
                    priority?: components["parameters"]["rowFilter.requests.priority"];
                    priority_rank?: components["parameters"]["rowFilter.requests.priority_rank"];
                    requester_id?: components["parameters"]["rowFilter.requests.requester_id"];
                    resolved_at?: components["parameters"]["rowFilter.requests.resolved_at"];
                    search?: components["parameters"]["rowFilter.requests.search"];
                    status?: components["parameters"]["rowFilter.requests.status"];
                    title?: components["parameters"]["rowFilter.requests.title"];
                    updated_at?: components["parameters"]["rowFilter.requests.updated_at"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["requests"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/rights_history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admins: who changed whose rights, and when. */
        get: {
            parameters: {
                query?: {
                    actor_id?: components["parameters"]["rowFilter.rights_history.actor_id"];
                    actor_role?: components["parameters"]["rowFilter.rights_history.actor_role"];
                    at?: components["parameters"]["rowFilter.rights_history.at"];
                    category?: components["parameters"]["rowFilter.rights_history.category"];
                    change?: components["parameters"]["rowFilter.rights_history.change"];
                    id?: components["parameters"]["rowFilter.rights_history.id"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    person_id?: components["parameters"]["rowFilter.rights_history.person_id"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["rights_history"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["rights_history"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["rights_history"][];
                        "text/csv": components["schemas"]["rights_history"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Admins: who changed whose rights, and when. */
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["rights_history"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Admins: who changed whose rights, and when. */
        delete: {
            parameters: {
                query?: {
                    actor_id?: components["parameters"]["rowFilter.rights_history.actor_id"];
                    actor_role?: components["parameters"]["rowFilter.rights_history.actor_role"];
                    at?: components["parameters"]["rowFilter.rights_history.at"];
                    category?: components["parameters"]["rowFilter.rights_history.category"];
                    change?: components["parameters"]["rowFilter.rights_history.change"];
                    id?: components["parameters"]["rowFilter.rights_history.id"];
                    person_id?: components["parameters"]["rowFilter.rights_history.person_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Admins: who changed whose rights, and when. */
        patch: {
            parameters: {
                query?: {
                    actor_id?: components["parameters"]["rowFilter.rights_history.actor_id"];
                    actor_role?: components["parameters"]["rowFilter.rights_history.actor_role"];
                    at?: components["parameters"]["rowFilter.rights_history.at"];
                    category?: components["parameters"]["rowFilter.rights_history.category"];
                    change?: components["parameters"]["rowFilter.rights_history.change"];
                    id?: components["parameters"]["rowFilter.rights_history.id"];
                    person_id?: components["parameters"]["rowFilter.rights_history.person_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["rights_history"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/rpc/allowed_transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/assign_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assigns the request to assignee_id (null: nobody) if it is still at expected_version. */
        get: {
            parameters: {
                query: {
                    assignee_id?: string;
                    expected_version: number;
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Assigns the request to assignee_id (null: nobody) if it is still at expected_version. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        assignee_id?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: uuid */
                        assignee_id?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: uuid */
                        assignee_id?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: uuid */
                        assignee_id?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/confirm_resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requester confirms a resolved request is fixed and rates it 1-5 (comment optional); rating again replaces the score. */
        get: {
            parameters: {
                query: {
                    comment?: string;
                    request_id: number;
                    score: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The requester confirms a resolved request is fixed and rates it 1-5 (comment optional); rating again replaces the score. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        comment?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: integer */
                        score: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        comment?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: integer */
                        score: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        comment?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: integer */
                        score: number;
                    };
                    "text/csv": {
                        /** Format: text */
                        comment?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: integer */
                        score: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/count_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per category and status of what api.find_requests would list with the same filters. */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    priority?: string;
                    q?: string;
                    scope?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Counts per category and status of what api.find_requests would list with the same filters. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        category?: string;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        category?: string;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        category?: string;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                    };
                    "text/csv": {
                        /** Format: text */
                        category?: string;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/disable_person": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    person_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: components["requestBodies"]["Args"];
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/download_attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file's bytes with its stored type; Content-Disposition attachment for anything but images. */
        get: {
            parameters: {
                query: {
                    id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The file's bytes with its stored type; Content-Disposition attachment for anything but images. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        id: number;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/edit_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes title, description and/or priority (null: unchanged) if the request is still at expected_version; otherwise 409 saying who changed what. */
        get: {
            parameters: {
                query: {
                    description?: string;
                    expected_version: number;
                    priority?: string;
                    request_id: number;
                    title?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Changes title, description and/or priority (null: unchanged) if the request is still at expected_version; otherwise 409 saying who changed what. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        description?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        title?: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        description?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        title?: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        description?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        title?: string;
                    };
                    "text/csv": {
                        /** Format: text */
                        description?: string;
                        /** Format: integer */
                        expected_version: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/enable_person": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    person_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: components["requestBodies"]["Args"];
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/find_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; status one code or several, comma-separated; sort urgency | priority | age | newest | due | updated. */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    lim?: number;
                    offs?: number;
                    priority?: string;
                    q?: string;
                    scope?: string;
                    sort?: string;
                    status?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Lists requests: q searches (accents, prefixes, comments, names, keys); scope all | mine | assigned_to_me | unassigned | my_categories; status one code or several, comma-separated; sort urgency | priority | age | newest | due | updated. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        category?: string;
                        /** Format: integer */
                        lim?: number;
                        /** Format: integer */
                        offs?: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                        /** Format: text */
                        sort?: string;
                        /** Format: text */
                        status?: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        category?: string;
                        /** Format: integer */
                        lim?: number;
                        /** Format: integer */
                        offs?: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                        /** Format: text */
                        sort?: string;
                        /** Format: text */
                        status?: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        category?: string;
                        /** Format: integer */
                        lim?: number;
                        /** Format: integer */
                        offs?: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                        /** Format: text */
                        sort?: string;
                        /** Format: text */
                        status?: string;
                    };
                    "text/csv": {
                        /** Format: text */
                        category?: string;
                        /** Format: integer */
                        lim?: number;
                        /** Format: integer */
                        offs?: number;
                        /** Format: text */
                        priority?: string;
                        /** Format: text */
                        q?: string;
                        /** Format: text */
                        scope?: string;
                        /** Format: text */
                        sort?: string;
                        /** Format: text */
                        status?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/move_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moves a request to another category, also one the caller does not serve (it then leaves their view). */
        get: {
            parameters: {
                query: {
                    category: string;
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Moves a request to another category, also one the caller does not serve (it then leaves their view). */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        category: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        category: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        category: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: text */
                        category: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/pre_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgREST db-pre-request: refuses incomplete tokens and ended sessions (401), records X-Request-Id. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** PostgREST db-pre-request: refuses incomplete tokens and ended sessions (401), records X-Request-Id. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/vnd.pgrst.object+json": Record<string, never>;
                    "application/vnd.pgrst.object+json;nulls=stripped": Record<string, never>;
                    "text/csv": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/remove_attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Removes a file's content (uploader or admin); the record and its audit entries stay. */
        get: {
            parameters: {
                query: {
                    id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Removes a file's content (uploader or admin); the record and its audit entries stay. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        id: number;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/request_changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests the caller may see changed since the marker of the last call: {marker, changes: [{id, key, version, status, updated_at}]}. Call with no marker to get one. */
        get: {
            parameters: {
                query?: {
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Requests the caller may see changed since the marker of the last call: {marker, changes: [{id, key, version, status, updated_at}]}. Call with no marker to get one. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: timestamp with time zone */
                        since?: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: timestamp with time zone */
                        since?: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: timestamp with time zone */
                        since?: string;
                    };
                    "text/csv": {
                        /** Format: timestamp with time zone */
                        since?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/revoke_other_sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/vnd.pgrst.object+json": Record<string, never>;
                    "application/vnd.pgrst.object+json;nulls=stripped": Record<string, never>;
                    "text/csv": Record<string, never>;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/revoke_session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    session_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        session_id: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: uuid */
                        session_id: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: uuid */
                        session_id: string;
                    };
                    "text/csv": {
                        /** Format: uuid */
                        session_id: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/set_admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    is_admin: boolean;
                    person_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: boolean */
                        is_admin: boolean;
                        /** Format: uuid */
                        person_id: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: boolean */
                        is_admin: boolean;
                        /** Format: uuid */
                        person_id: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: boolean */
                        is_admin: boolean;
                        /** Format: uuid */
                        person_id: string;
                    };
                    "text/csv": {
                        /** Format: boolean */
                        is_admin: boolean;
                        /** Format: uuid */
                        person_id: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/set_notification_preference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Turns a kind on or off and chooses immediate e-mails or a daily digest. Returns the new setting. */
        get: {
            parameters: {
                query: {
                    delivery?: string;
                    enabled: boolean;
                    kind: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Turns a kind on or off and chooses immediate e-mails or a daily digest. Returns the new setting. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        delivery?: string;
                        /** Format: boolean */
                        enabled: boolean;
                        /** Format: text */
                        kind: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        delivery?: string;
                        /** Format: boolean */
                        enabled: boolean;
                        /** Format: text */
                        kind: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        delivery?: string;
                        /** Format: boolean */
                        enabled: boolean;
                        /** Format: text */
                        kind: string;
                    };
                    "text/csv": {
                        /** Format: text */
                        delivery?: string;
                        /** Format: boolean */
                        enabled: boolean;
                        /** Format: text */
                        kind: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/set_waiting_on_requester": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent says the request waits on its requester (pauses the resolution clock) or no longer does. */
        get: {
            parameters: {
                query: {
                    request_id: number;
                    waiting: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** An agent says the request waits on its requester (pauses the resolution clock) or no longer does. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        request_id: number;
                        /** Format: boolean */
                        waiting: boolean;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        request_id: number;
                        /** Format: boolean */
                        waiting: boolean;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        request_id: number;
                        /** Format: boolean */
                        waiting: boolean;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        request_id: number;
                        /** Format: boolean */
                        waiting: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/take_over_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Takes the request from from_assignee (whom the caller confirmed); 409 if someone else has it now. */
        get: {
            parameters: {
                query: {
                    from_assignee?: string;
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Takes the request from from_assignee (whom the caller confirmed); 409 if someone else has it now. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        from_assignee?: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: uuid */
                        from_assignee?: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: uuid */
                        from_assignee?: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: uuid */
                        from_assignee?: string;
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/take_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assigns the request to the caller if nobody has it; 409 naming the assignee otherwise. */
        get: {
            parameters: {
                query: {
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Assigns the request to the caller if nobody has it; 409 naming the assignee otherwise. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/transition_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moves a request to another status; note required to resolve and to reopen. Returns the updated request. */
        get: {
            parameters: {
                query: {
                    note?: string;
                    request_id: number;
                    to_status: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Moves a request to another status; note required to resolve and to reopen. Returns the updated request. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: text */
                        note?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        to_status: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: text */
                        note?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        to_status: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: text */
                        note?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        to_status: string;
                    };
                    "text/csv": {
                        /** Format: text */
                        note?: string;
                        /** Format: bigint */
                        request_id: number;
                        /** Format: text */
                        to_status: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/upload_attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** POST the raw file (application/octet-stream) with headers Reqstly-Request-Id, optional Reqstly-Comment-Id, Reqstly-Filename (percent-encoded). */
        get: {
            parameters: {
                query: {
                    "": string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** POST the raw file (application/octet-stream) with headers Reqstly-Request-Id, optional Reqstly-Comment-Id, Reqstly-Filename (percent-encoded). */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bytea */
                        "": string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bytea */
                        "": string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bytea */
                        "": string;
                    };
                    "text/csv": {
                        /** Format: bytea */
                        "": string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/verify_audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the request's audit chain is intact: {ok, entries, first_bad_entry, reason}. */
        get: {
            parameters: {
                query: {
                    request_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Whether the request's audit chain is intact: {ok, entries, first_bad_entry, reason}. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: bigint */
                        request_id: number;
                    };
                    "text/csv": {
                        /** Format: bigint */
                        request_id: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rpc/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request's version: send it back with an edit (select=*,version). */
        get: {
            parameters: {
                query: {
                    request: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The request's version: send it back with an edit (select=*,version). */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferParams"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: requests */
                        request: string;
                    };
                    "application/vnd.pgrst.object+json": {
                        /** Format: requests */
                        request: string;
                    };
                    "application/vnd.pgrst.object+json;nulls=stripped": {
                        /** Format: requests */
                        request: string;
                    };
                    "text/csv": {
                        /** Format: requests */
                        request: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status_transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    allow_admin?: components["parameters"]["rowFilter.status_transitions.allow_admin"];
                    allow_agent?: components["parameters"]["rowFilter.status_transitions.allow_agent"];
                    allow_requester?: components["parameters"]["rowFilter.status_transitions.allow_requester"];
                    from_status?: components["parameters"]["rowFilter.status_transitions.from_status"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    note_required?: components["parameters"]["rowFilter.status_transitions.note_required"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    to_status?: components["parameters"]["rowFilter.status_transitions.to_status"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["status_transitions"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["status_transitions"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["status_transitions"][];
                        "text/csv": components["schemas"]["status_transitions"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["status_transitions"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    allow_admin?: components["parameters"]["rowFilter.status_transitions.allow_admin"];
                    allow_agent?: components["parameters"]["rowFilter.status_transitions.allow_agent"];
                    allow_requester?: components["parameters"]["rowFilter.status_transitions.allow_requester"];
                    from_status?: components["parameters"]["rowFilter.status_transitions.from_status"];
                    note_required?: components["parameters"]["rowFilter.status_transitions.note_required"];
                    to_status?: components["parameters"]["rowFilter.status_transitions.to_status"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    allow_admin?: components["parameters"]["rowFilter.status_transitions.allow_admin"];
                    allow_agent?: components["parameters"]["rowFilter.status_transitions.allow_agent"];
                    allow_requester?: components["parameters"]["rowFilter.status_transitions.allow_requester"];
                    from_status?: components["parameters"]["rowFilter.status_transitions.from_status"];
                    note_required?: components["parameters"]["rowFilter.status_transitions.note_required"];
                    to_status?: components["parameters"]["rowFilter.status_transitions.to_status"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["status_transitions"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Request statuses in workflow order: code, label, position, is_closed. */
        get: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.statuses.code"];
                    is_closed?: components["parameters"]["rowFilter.statuses.is_closed"];
                    label?: components["parameters"]["rowFilter.statuses.label"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    position?: components["parameters"]["rowFilter.statuses.position"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["statuses"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["statuses"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["statuses"][];
                        "text/csv": components["schemas"]["statuses"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Request statuses in workflow order: code, label, position, is_closed. */
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["statuses"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Request statuses in workflow order: code, label, position, is_closed. */
        delete: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.statuses.code"];
                    is_closed?: components["parameters"]["rowFilter.statuses.is_closed"];
                    label?: components["parameters"]["rowFilter.statuses.label"];
                    position?: components["parameters"]["rowFilter.statuses.position"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Request statuses in workflow order: code, label, position, is_closed. */
        patch: {
            parameters: {
                query?: {
                    code?: components["parameters"]["rowFilter.statuses.code"];
                    is_closed?: components["parameters"]["rowFilter.statuses.is_closed"];
                    label?: components["parameters"]["rowFilter.statuses.label"];
                    position?: components["parameters"]["rowFilter.statuses.position"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["statuses"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/team_members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    category?: components["parameters"]["rowFilter.team_members.category"];
                    created_at?: components["parameters"]["rowFilter.team_members.created_at"];
                    /** @description Limiting and Pagination */
                    limit?: components["parameters"]["limit"];
                    /** @description Limiting and Pagination */
                    offset?: components["parameters"]["offset"];
                    /** @description Ordering */
                    order?: components["parameters"]["order"];
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                    user_id?: components["parameters"]["rowFilter.team_members.user_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferCount"];
                    /** @description Limiting and Pagination */
                    Range?: components["parameters"]["range"];
                    /** @description Limiting and Pagination */
                    "Range-Unit"?: components["parameters"]["rangeUnit"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["team_members"][];
                        "application/vnd.pgrst.object+json": components["schemas"]["team_members"][];
                        "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["team_members"][];
                        "text/csv": components["schemas"]["team_members"][];
                    };
                };
                /** @description Partial Content */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description Filtering Columns */
                    select?: components["parameters"]["select"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferPost"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["team_members"];
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete: {
            parameters: {
                query?: {
                    category?: components["parameters"]["rowFilter.team_members.category"];
                    created_at?: components["parameters"]["rowFilter.team_members.created_at"];
                    user_id?: components["parameters"]["rowFilter.team_members.user_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: {
                    category?: components["parameters"]["rowFilter.team_members.category"];
                    created_at?: components["parameters"]["rowFilter.team_members.created_at"];
                    user_id?: components["parameters"]["rowFilter.team_members.user_id"];
                };
                header?: {
                    /** @description Preference */
                    Prefer?: components["parameters"]["preferReturn"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: components["requestBodies"]["team_members"];
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Files on the requests and comments the caller can read (metadata; the bytes come from rpc/download_attachment). */
        attachments: {
            /**
             * Format: bigint
             * @description Note:
             *     This is a Foreign Key to `comments.id`.<fk table='comments' column='id'/>
             */
            comment_id?: number;
            /** Format: text */
            content_type?: string;
            /** Format: timestamp with time zone */
            created_at?: string;
            /** Format: text */
            filename?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /** Format: boolean */
            internal?: boolean;
            /** Format: boolean */
            is_image?: boolean;
            /** Format: timestamp with time zone */
            removed_at?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Foreign Key to `request_list.id`.<fk table='request_list' column='id'/>
             */
            request_id?: number;
            /** Format: text */
            sha256?: string;
            /** Format: integer */
            size_bytes?: number;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            uploaded_by?: string;
            /** Format: text */
            uploaded_by_name?: string;
        };
        categories: {
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            code?: string;
            /** Format: text */
            key_prefix?: string;
            /** Format: text */
            name?: string;
        };
        comments: {
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            author_id?: string;
            /** Format: text */
            author_name?: string;
            /** Format: text */
            body?: string;
            /** Format: timestamp with time zone */
            created_at?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /** Format: boolean */
            internal?: boolean;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Foreign Key to `request_list.id`.<fk table='request_list' column='id'/>
             */
            request_id?: number;
        };
        me: {
            /** Format: text[] */
            agent_categories?: string[];
            /** Format: text */
            display_name?: string;
            /** Format: text */
            email?: string;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: string;
            /** Format: boolean */
            is_admin?: boolean;
        };
        /** @description The caller's passkeys: id, name, created_at, last_used_at, backed_up. PATCH name (1–100 characters); DELETE removes one and ends the caller's other sessions. */
        my_passkeys: {
            /** Format: boolean */
            backed_up?: boolean;
            /** Format: timestamp with time zone */
            created_at?: string;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: string;
            /** Format: timestamp with time zone */
            last_used_at?: string;
            /** Format: text */
            name?: string;
        };
        my_sessions: {
            /** Format: timestamp with time zone */
            created_at?: string;
            /** Format: boolean */
            current?: boolean;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: string;
            /** Format: timestamp with time zone */
            last_seen_at?: string;
            /** Format: text */
            method?: string;
            /** Format: text */
            user_agent?: string;
        };
        /** @description The caller's notification choices: one row per kind that concerns them (agents also get the agent kinds). */
        notification_settings: {
            /** Format: text */
            audience?: string;
            /** Format: text */
            delivery?: string;
            /** Format: boolean */
            enabled?: boolean;
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            kind?: string;
            /** Format: text */
            label?: string;
        };
        people: {
            /** Format: text[] */
            agent_categories?: string[];
            /** Format: timestamp with time zone */
            disabled_at?: string;
            /** Format: text */
            display_name?: string;
            /** Format: text */
            email?: string;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: string;
            /** Format: boolean */
            is_admin?: boolean;
            /** Format: boolean */
            rights_from_entra?: boolean;
        };
        /** @description The caller's visible requests counted by status, category, mine and assigned_to_me: sum the rows a tab covers. */
        request_counts: {
            /** Format: boolean */
            assigned_to_me?: boolean;
            /** Format: text */
            category?: string;
            /** Format: bigint */
            count?: number;
            /** Format: boolean */
            mine?: boolean;
            /** Format: text */
            status?: string;
        };
        request_history: {
            /** Format: text */
            action?: string;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            actor_id?: string;
            /** Format: text */
            actor_name?: string;
            /** Format: timestamp with time zone */
            at?: string;
            /** Format: jsonb */
            changes?: unknown;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /** Format: boolean */
            internal?: boolean;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Foreign Key to `request_list.id`.<fk table='request_list' column='id'/>
             */
            request_id?: number;
        };
        /** @description Requests the caller may see as lists show them: names, version, both SLA clocks (and when the first response came). */
        request_list: {
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            assignee_id?: string;
            /** Format: text */
            assignee_name?: string;
            /**
             * Format: text
             * @description Note:
             *     This is a Foreign Key to `categories.code`.<fk table='categories' column='code'/>
             */
            category?: string;
            /** Format: timestamp with time zone */
            created_at?: string;
            /** Format: timestamp with time zone */
            first_responded_at?: string;
            /** Format: timestamp with time zone */
            first_response_due_at?: string;
            /** Format: text */
            first_response_state?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /** Format: text */
            key?: string;
            /** Format: text */
            priority?: string;
            /** Format: smallint */
            priority_rank?: number;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            requester_id?: string;
            /** Format: text */
            requester_name?: string;
            /** Format: timestamp with time zone */
            resolution_due_at?: string;
            /** Format: text */
            resolution_state?: string;
            /** Format: timestamp with time zone */
            resolved_at?: string;
            /**
             * Format: text
             * @description Note:
             *     This is a Foreign Key to `statuses.code`.<fk table='statuses' column='code'/>
             */
            status?: string;
            /** Format: text */
            title?: string;
            /** Format: timestamp with time zone */
            updated_at?: string;
            /** Format: integer */
            version?: number;
            /** Format: timestamp with time zone */
            waiting_on_requester_since?: string;
        };
        request_ratings: {
            /** Format: text */
            comment?: string;
            /** Format: timestamp with time zone */
            rated_at?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             *     This is a Foreign Key to `request_list.id`.<fk table='request_list' column='id'/>
             */
            request_id?: number;
            /**
             * Format: timestamp with time zone
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            resolved_at?: string;
            /** Format: smallint */
            score?: number;
        };
        /** @description Both SLA clocks of the requests the caller sees: due times and state (none, running, at_risk, paused, breached, met). */
        request_sla: {
            /** Format: timestamp with time zone */
            first_responded_at?: string;
            /** Format: timestamp with time zone */
            first_response_due_at?: string;
            /** Format: text */
            first_response_state?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            request_id?: number;
            /** Format: timestamp with time zone */
            resolution_due_at?: string;
            /** Format: text */
            resolution_state?: string;
            /** Format: bigint */
            resolution_target_seconds?: number;
            /** Format: bigint */
            resolution_used_seconds?: number;
            /** Format: timestamp with time zone */
            resolved_at?: string;
            /** Format: timestamp with time zone */
            waiting_on_requester_since?: string;
        };
        /** @description Requests the caller may see. POST {title, description, category, priority}; PATCH title, description, priority, category, assignee_id. */
        requests: {
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            assignee_id?: string;
            /**
             * Format: text
             * @description Note:
             *     This is a Foreign Key to `categories.code`.<fk table='categories' column='code'/>
             */
            category?: string;
            /** Format: timestamp with time zone */
            created_at?: string;
            /** Format: text */
            description?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /** Format: text */
            key?: string;
            /** Format: text */
            priority?: string;
            /** Format: smallint */
            priority_rank?: number;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            requester_id?: string;
            /** Format: timestamp with time zone */
            resolved_at?: string;
            /** Format: tsvector */
            search?: string;
            /**
             * Format: text
             * @description Note:
             *     This is a Foreign Key to `statuses.code`.<fk table='statuses' column='code'/>
             */
            status?: string;
            /** Format: text */
            title?: string;
            /** Format: timestamp with time zone */
            updated_at?: string;
        };
        /** @description Admins: who changed whose rights, and when. */
        rights_history: {
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            actor_id?: string;
            /** Format: text */
            actor_role?: string;
            /** Format: timestamp with time zone */
            at?: string;
            /** Format: text */
            category?: string;
            /** Format: text */
            change?: string;
            /**
             * Format: bigint
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            id?: number;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            person_id?: string;
        };
        status_transitions: {
            /** Format: boolean */
            allow_admin?: boolean;
            /** Format: boolean */
            allow_agent?: boolean;
            /** Format: boolean */
            allow_requester?: boolean;
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             *     This is a Foreign Key to `statuses.code`.<fk table='statuses' column='code'/>
             */
            from_status?: string;
            /** Format: boolean */
            note_required?: boolean;
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             *     This is a Foreign Key to `statuses.code`.<fk table='statuses' column='code'/>
             */
            to_status?: string;
        };
        /** @description Request statuses in workflow order: code, label, position, is_closed. */
        statuses: {
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             */
            code?: string;
            /** Format: boolean */
            is_closed?: boolean;
            /** Format: text */
            label?: string;
            /** Format: smallint */
            position?: number;
        };
        team_members: {
            /**
             * Format: text
             * @description Note:
             *     This is a Primary Key.<pk/>
             *     This is a Foreign Key to `categories.code`.<fk table='categories' column='code'/>
             */
            category?: string;
            /** Format: timestamp with time zone */
            created_at?: string;
            /**
             * Format: uuid
             * @description Note:
             *     This is a Primary Key.<pk/>
             *     This is a Foreign Key to `me.id`.<fk table='me' column='id'/>
             */
            user_id?: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Limiting and Pagination */
        limit: string;
        /** @description Limiting and Pagination */
        offset: string;
        /** @description On Conflict */
        on_conflict: string;
        /** @description Ordering */
        order: string;
        /** @description Preference */
        preferCount: "count=none";
        /** @description Preference */
        preferParams: "params=single-object";
        /** @description Preference */
        preferPost: "return=representation" | "return=minimal" | "return=none" | "resolution=ignore-duplicates" | "resolution=merge-duplicates";
        /** @description Preference */
        preferReturn: "return=representation" | "return=minimal" | "return=none";
        /** @description Limiting and Pagination */
        range: string;
        /** @description Limiting and Pagination */
        rangeUnit: string;
        "rowFilter.attachments.comment_id": string;
        "rowFilter.attachments.content_type": string;
        "rowFilter.attachments.created_at": string;
        "rowFilter.attachments.filename": string;
        "rowFilter.attachments.id": string;
        "rowFilter.attachments.internal": string;
        "rowFilter.attachments.is_image": string;
        "rowFilter.attachments.removed_at": string;
        "rowFilter.attachments.request_id": string;
        "rowFilter.attachments.sha256": string;
        "rowFilter.attachments.size_bytes": string;
        "rowFilter.attachments.uploaded_by": string;
        "rowFilter.attachments.uploaded_by_name": string;
        "rowFilter.categories.code": string;
        "rowFilter.categories.key_prefix": string;
        "rowFilter.categories.name": string;
        "rowFilter.comments.author_id": string;
        "rowFilter.comments.author_name": string;
        "rowFilter.comments.body": string;
        "rowFilter.comments.created_at": string;
        "rowFilter.comments.id": string;
        "rowFilter.comments.internal": string;
        "rowFilter.comments.request_id": string;
        "rowFilter.me.agent_categories": string;
        "rowFilter.me.display_name": string;
        "rowFilter.me.email": string;
        "rowFilter.me.id": string;
        "rowFilter.me.is_admin": string;
        "rowFilter.my_passkeys.backed_up": string;
        "rowFilter.my_passkeys.created_at": string;
        "rowFilter.my_passkeys.id": string;
        "rowFilter.my_passkeys.last_used_at": string;
        "rowFilter.my_passkeys.name": string;
        "rowFilter.my_sessions.created_at": string;
        "rowFilter.my_sessions.current": string;
        "rowFilter.my_sessions.id": string;
        "rowFilter.my_sessions.last_seen_at": string;
        "rowFilter.my_sessions.method": string;
        "rowFilter.my_sessions.user_agent": string;
        "rowFilter.notification_settings.audience": string;
        "rowFilter.notification_settings.delivery": string;
        "rowFilter.notification_settings.enabled": string;
        "rowFilter.notification_settings.kind": string;
        "rowFilter.notification_settings.label": string;
        "rowFilter.people.agent_categories": string;
        "rowFilter.people.disabled_at": string;
        "rowFilter.people.display_name": string;
        "rowFilter.people.email": string;
        "rowFilter.people.id": string;
        "rowFilter.people.is_admin": string;
        "rowFilter.people.rights_from_entra": string;
        "rowFilter.request_counts.assigned_to_me": string;
        "rowFilter.request_counts.category": string;
        "rowFilter.request_counts.count": string;
        "rowFilter.request_counts.mine": string;
        "rowFilter.request_counts.status": string;
        "rowFilter.request_history.action": string;
        "rowFilter.request_history.actor_id": string;
        "rowFilter.request_history.actor_name": string;
        "rowFilter.request_history.at": string;
        "rowFilter.request_history.changes": string;
        "rowFilter.request_history.id": string;
        "rowFilter.request_history.internal": string;
        "rowFilter.request_history.request_id": string;
        "rowFilter.request_list.assignee_id": string;
        "rowFilter.request_list.assignee_name": string;
        "rowFilter.request_list.category": string;
        "rowFilter.request_list.created_at": string;
        "rowFilter.request_list.first_responded_at": string;
        "rowFilter.request_list.first_response_due_at": string;
        "rowFilter.request_list.first_response_state": string;
        "rowFilter.request_list.id": string;
        "rowFilter.request_list.key": string;
        "rowFilter.request_list.priority": string;
        "rowFilter.request_list.priority_rank": string;
        "rowFilter.request_list.requester_id": string;
        "rowFilter.request_list.requester_name": string;
        "rowFilter.request_list.resolution_due_at": string;
        "rowFilter.request_list.resolution_state": string;
        "rowFilter.request_list.resolved_at": string;
        "rowFilter.request_list.status": string;
        "rowFilter.request_list.title": string;
        "rowFilter.request_list.updated_at": string;
        "rowFilter.request_list.version": string;
        "rowFilter.request_list.waiting_on_requester_since": string;
        "rowFilter.request_ratings.comment": string;
        "rowFilter.request_ratings.rated_at": string;
        "rowFilter.request_ratings.request_id": string;
        "rowFilter.request_ratings.resolved_at": string;
        "rowFilter.request_ratings.score": string;
        "rowFilter.request_sla.first_responded_at": string;
        "rowFilter.request_sla.first_response_due_at": string;
        "rowFilter.request_sla.first_response_state": string;
        "rowFilter.request_sla.request_id": string;
        "rowFilter.request_sla.resolution_due_at": string;
        "rowFilter.request_sla.resolution_state": string;
        "rowFilter.request_sla.resolution_target_seconds": string;
        "rowFilter.request_sla.resolution_used_seconds": string;
        "rowFilter.request_sla.resolved_at": string;
        "rowFilter.request_sla.waiting_on_requester_since": string;
        "rowFilter.requests.assignee_id": string;
        "rowFilter.requests.category": string;
        "rowFilter.requests.created_at": string;
        "rowFilter.requests.description": string;
        "rowFilter.requests.id": string;
        "rowFilter.requests.key": string;
        "rowFilter.requests.priority": string;
        "rowFilter.requests.priority_rank": string;
        "rowFilter.requests.requester_id": string;
        "rowFilter.requests.resolved_at": string;
        "rowFilter.requests.search": string;
        "rowFilter.requests.status": string;
        "rowFilter.requests.title": string;
        "rowFilter.requests.updated_at": string;
        "rowFilter.rights_history.actor_id": string;
        "rowFilter.rights_history.actor_role": string;
        "rowFilter.rights_history.at": string;
        "rowFilter.rights_history.category": string;
        "rowFilter.rights_history.change": string;
        "rowFilter.rights_history.id": string;
        "rowFilter.rights_history.person_id": string;
        "rowFilter.status_transitions.allow_admin": string;
        "rowFilter.status_transitions.allow_agent": string;
        "rowFilter.status_transitions.allow_requester": string;
        "rowFilter.status_transitions.from_status": string;
        "rowFilter.status_transitions.note_required": string;
        "rowFilter.status_transitions.to_status": string;
        "rowFilter.statuses.code": string;
        "rowFilter.statuses.is_closed": string;
        "rowFilter.statuses.label": string;
        "rowFilter.statuses.position": string;
        "rowFilter.team_members.category": string;
        "rowFilter.team_members.created_at": string;
        "rowFilter.team_members.user_id": string;
        /** @description Filtering Columns */
        select: string;
    };
    requestBodies: {
        Args: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    person_id: string;
                };
                "application/vnd.pgrst.object+json": {
                    /** Format: uuid */
                    person_id: string;
                };
                "application/vnd.pgrst.object+json;nulls=stripped": {
                    /** Format: uuid */
                    person_id: string;
                };
                "text/csv": {
                    /** Format: uuid */
                    person_id: string;
                };
            };
        };
        /** @description categories */
        categories: {
            content: {
                "application/json": components["schemas"]["categories"];
                "application/vnd.pgrst.object+json": components["schemas"]["categories"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["categories"];
                "text/csv": components["schemas"]["categories"];
            };
        };
        /** @description comments */
        comments: {
            content: {
                "application/json": components["schemas"]["comments"];
                "application/vnd.pgrst.object+json": components["schemas"]["comments"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["comments"];
                "text/csv": components["schemas"]["comments"];
            };
        };
        /** @description me */
        me: {
            content: {
                "application/json": components["schemas"]["me"];
                "application/vnd.pgrst.object+json": components["schemas"]["me"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["me"];
                "text/csv": components["schemas"]["me"];
            };
        };
        /** @description my_passkeys */
        my_passkeys: {
            content: {
                "application/json": components["schemas"]["my_passkeys"];
                "application/vnd.pgrst.object+json": components["schemas"]["my_passkeys"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["my_passkeys"];
                "text/csv": components["schemas"]["my_passkeys"];
            };
        };
        /** @description my_sessions */
        my_sessions: {
            content: {
                "application/json": components["schemas"]["my_sessions"];
                "application/vnd.pgrst.object+json": components["schemas"]["my_sessions"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["my_sessions"];
                "text/csv": components["schemas"]["my_sessions"];
            };
        };
        /** @description people */
        people: {
            content: {
                "application/json": components["schemas"]["people"];
                "application/vnd.pgrst.object+json": components["schemas"]["people"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["people"];
                "text/csv": components["schemas"]["people"];
            };
        };
        /** @description request_history */
        request_history: {
            content: {
                "application/json": components["schemas"]["request_history"];
                "application/vnd.pgrst.object+json": components["schemas"]["request_history"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_history"];
                "text/csv": components["schemas"]["request_history"];
            };
        };
        /** @description request_ratings */
        request_ratings: {
            content: {
                "application/json": components["schemas"]["request_ratings"];
                "application/vnd.pgrst.object+json": components["schemas"]["request_ratings"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["request_ratings"];
                "text/csv": components["schemas"]["request_ratings"];
            };
        };
        /** @description requests */
        requests: {
            content: {
                "application/json": components["schemas"]["requests"];
                "application/vnd.pgrst.object+json": components["schemas"]["requests"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["requests"];
                "text/csv": components["schemas"]["requests"];
            };
        };
        /** @description rights_history */
        rights_history: {
            content: {
                "application/json": components["schemas"]["rights_history"];
                "application/vnd.pgrst.object+json": components["schemas"]["rights_history"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["rights_history"];
                "text/csv": components["schemas"]["rights_history"];
            };
        };
        /** @description status_transitions */
        status_transitions: {
            content: {
                "application/json": components["schemas"]["status_transitions"];
                "application/vnd.pgrst.object+json": components["schemas"]["status_transitions"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["status_transitions"];
                "text/csv": components["schemas"]["status_transitions"];
            };
        };
        /** @description statuses */
        statuses: {
            content: {
                "application/json": components["schemas"]["statuses"];
                "application/vnd.pgrst.object+json": components["schemas"]["statuses"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["statuses"];
                "text/csv": components["schemas"]["statuses"];
            };
        };
        /** @description team_members */
        team_members: {
            content: {
                "application/json": components["schemas"]["team_members"];
                "application/vnd.pgrst.object+json": components["schemas"]["team_members"];
                "application/vnd.pgrst.object+json;nulls=stripped": components["schemas"]["team_members"];
                "text/csv": components["schemas"]["team_members"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
