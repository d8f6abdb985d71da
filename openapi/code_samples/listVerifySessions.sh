# Without a session_time filter only the last 24 hours are listed. The space in a time is %20; set the window's
# ends to dates of your own (Plivo keeps 90 days).
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/?status=verified&session_time__gte=2024-06-01%2000:00&session_time__lte=2024-06-30%2023:59&limit=20"
