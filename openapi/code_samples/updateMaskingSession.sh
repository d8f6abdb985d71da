# The body of the first request example, "A new expiry and status callback" (the others change other fields).
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"session_expiry": 600, "callback_url": "https://example.com/masking/status-v2", "callback_method": "GET"}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Masking/Session/7f3e2d1c-4b5a-4968-8776-a5b4c3d2e1f0"
