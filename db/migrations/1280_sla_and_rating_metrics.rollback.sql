drop view metrics.request_rating_totals;
drop view metrics.request_ratings;
drop view metrics.sla_requests;
