# Without a session_time filter only the last 24 hours are listed. The space in a time is %20.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/?status=verified&session_time__gte=2024-06-01%2000:00&limit=20"
