// The reference for benchmarks/token_server_load.py: the Node token server people run
// (AgoraIO-Community's Agora-Node-TokenServer, express), rebuilt on the same two npm
// packages it is made of - express and the official agora-token builders - because that
// server itself is not published on npm. Same routes and answers as the community server:
// GET /ping, GET /rtc/:channel/:role/:tokentype/:uid/?expiry=S, GET /rtm/:uid/?expiry=S,
// with its no-cache and CORS headers on every token response.
//
//   APP_ID=... APP_CERTIFICATE=... PORT=0 node benchmarks/node_reference_server.js
// prints the port it listens on (127.0.0.1 only) as its first line.
"use strict";
const express = require("express");
const { RtcTokenBuilder, RtcRole, RtmTokenBuilder } = require("agora-token");

const APP_ID = process.env.APP_ID;
const APP_CERTIFICATE = process.env.APP_CERTIFICATE;
const app = express();

const nocache = (req, resp, next) => {
  resp.header("Cache-Control", "private, no-cache, no-store, must-revalidate");
  resp.header("Expires", "-1");
  resp.header("Pragma", "no-cache");
  next();
};
const cors = (req, resp, next) => {
  resp.header("Access-Control-Allow-Origin", "*");
  next();
};

const expiryOf = (req) => {
  const expiry = parseInt(req.query.expiry, 10);
  return !expiry || expiry === "" ? 3600 : expiry;
};

const rtc = (req, resp) => {
  const channel = req.params.channel;
  if (!channel) return resp.status(500).json({ error: "channel is required" });
  const uid = req.params.uid;
  if (!uid || uid === "") return resp.status(500).json({ error: "uid is required" });
  let role;
  if (req.params.role === "publisher") role = RtcRole.PUBLISHER;
  else if (req.params.role === "audience" || req.params.role === "subscriber") role = RtcRole.SUBSCRIBER;
  else return resp.status(500).json({ error: "role is incorrect" });
  const expire = expiryOf(req);
  let token;
  if (req.params.tokentype === "userAccount") {
    token = RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, APP_CERTIFICATE, channel, uid, role, expire, expire);
  } else if (req.params.tokentype === "uid") {
    token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, channel, uid, role, expire, expire);
  } else {
    return resp.status(500).json({ error: "token type is invalid" });
  }
  return resp.json({ rtcToken: token });
};

const rtm = (req, resp) => {
  const uid = req.params.uid;
  if (!uid || uid === "") return resp.status(500).json({ error: "uid is required" });
  const token = RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, uid, expiryOf(req));
  return resp.json({ rtmToken: token });
};

app.get("/ping", nocache, (req, resp) => resp.send({ message: "pong" }));
app.get("/rtc/:channel/:role/:tokentype/:uid", nocache, cors, rtc);
app.get("/rtc/:channel/:role/:tokentype/:uid/", nocache, cors, rtc);
app.get("/rtm/:uid", nocache, cors, rtm);
app.get("/rtm/:uid/", nocache, cors, rtm);

const server = app.listen(parseInt(process.env.PORT || "0", 10), "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
