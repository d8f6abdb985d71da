# Query values are URL-encoded: the space in a time filter is %20. A time window spans at most 30 days, within
# the last 90: set both ends to dates of your own.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Masking/Session/?status=active&created_time__gte=2024-06-01%2000:00&created_time__lte=2024-06-30%2023:59&limit=20&offset=0"
