curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"first_party": "917708772011", "second_party": "919976106830", "session_expiry": 1800}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Masking/Session/"
