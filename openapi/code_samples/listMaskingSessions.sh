# Without a time filter (created_time or expiry_time) only the last 7 days are listed. A window spans at most 30
# days, within the last 90: set both ends to dates of your own. Query values are URL-encoded: the space in a time is
# %20.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Masking/Session/?created_time__gte=2024-06-01%2000:00&created_time__lt=2024-07-01%2000:00&limit=20&offset=0"
