# The body of the first request example, "A code by SMS with the application's settings" (the others add fields).
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"recipient": "919380013443"}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/"
