drop view api.my_passkeys;
