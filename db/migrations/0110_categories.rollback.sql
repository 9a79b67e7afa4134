drop table app.categories cascade;
