curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"recipient": "919380013443", "channel": "sms"}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/"
