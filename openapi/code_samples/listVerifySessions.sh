# Without a session_time filter only the last 24 hours are listed: set the window's ends to dates of your own
# (Plivo keeps 90 days). The space in a time is %20. Two sessions a page here, to show paging (up to 20).
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/?session_time__gte=2024-06-01%2000:00&session_time__lt=2024-07-01%2000:00&limit=2"
