-- depends:
drop schema metrics cascade;
