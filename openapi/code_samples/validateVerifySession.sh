# The body of the request example, "The code the user entered". The trailing slash is part of the path. The code
# is a string: keep its leading zeros.
curl -sS --fail-with-body \
  --user "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN" \
  -H "Content-Type: application/json" \
  -d '{"otp": "123456"}' \
  "https://api.plivo.com/v1/Account/$PLIVO_AUTH_ID/Verify/Session/9c8b7a6f-5e4d-4c3b-a2a1-f0e9d8c7b6a5/"
