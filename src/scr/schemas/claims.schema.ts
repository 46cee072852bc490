// Generated from ./claims.schema.json by scripts/gen-schema-modules.ts. Do not edit: run `npm run gen`.
/* eslint-disable */
import { registerSchema } from '../../protocol/schema-registry.js';
import '../../protocol/schemas/package2.schema.js';
import type { Package2 } from '../../protocol/schemas/package2.schema.js';
export const claimsSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://dmct.dev/schemas/claims.schema.json",
  "title": "Claims",
  "description": "A vendor's claims about one DM 2.0 implementation: the ICS (which SCR items of Appendix B it implements) and the IXIT (how dmct reaches and drives it). `dmct claims init --role client|server` writes a complete template; `dmct scr check <file>` checks it against the SCR tables. Every object may carry a `$comment` (string or array of strings) that dmct ignores.",
  "type": "object",
  "required": [
    "role",
    "implementation"
  ],
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "type": "string",
      "description": "Optional link to this schema, for editors."
    },
    "$comment": {
      "$ref": "#/$defs/Comment"
    },
    "role": {
      "enum": [
        "client",
        "server"
      ],
      "description": "The side the implementation under test plays. `server`: a DM server, dmct plays the DM client (fill in `server`). `client`: a DM client, dmct plays the DM server, the notification sender and the data and web endpoints (fill in `client`)."
    },
    "edition": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "default": "dm20-cr-2013",
      "description": "The SCR table edition the item ids refer to (a folder of scr/; `dmct scr list` shows its items)."
    },
    "implementation": {
      "title": "ImplementationInfo",
      "description": "What is under test; copied into every report.",
      "type": "object",
      "required": [
        "name",
        "vendor",
        "version"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "Acme DM"
          ],
          "description": "Product name."
        },
        "vendor": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "Acme Ltd."
          ],
          "description": "Who makes it."
        },
        "version": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "1.0.0"
          ],
          "description": "Version or build under test."
        }
      }
    },
    "implements": {
      "$ref": "#/$defs/ItemIdList",
      "default": [],
      "description": "ICS: the optional items of the role's table that the implementation supports (mandatory items may be listed too; they are implied). An item whose requirement is false under these claims must not be listed."
    },
    "notImplemented": {
      "$ref": "#/$defs/ItemIdList",
      "default": [],
      "description": "ICS: items declared unsupported. Listing an item that is mandatory and applicable is a static non-conformance. An item may not be in both lists."
    },
    "adminUrl": {
      "type": "string",
      "format": "uri",
      "pattern": "^https?://",
      "description": "IXIT: base URL of the target's test-control (admin) API, substituted for {{adminUrl}} in triggers. `dmct run` sets it for the embedded reference peers, which it starts on free ports."
    },
    "adminToken": {
      "type": "string",
      "minLength": 16,
      "pattern": "^[\\x21-\\x7e]+$",
      "description": "IXIT: the secret the target's test-control (admin) API requires, substituted for {{adminToken}} in triggers (the reference peers take it as `Authorization: Bearer {{adminToken}}`; `dmct sim server|client` prints theirs, or takes one with --admin-token). `dmct run` sets it for the embedded reference peers."
    },
    "timeouts": {
      "title": "IxitTimeouts",
      "description": "IXIT: how long dmct waits, in milliseconds. The protocol defines no timeouts between packages (section 5.1.1); these only bound a test run.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "responseMs": {
          "type": "integer",
          "minimum": 1,
          "default": 10000,
          "description": "Wait for the target's answer to one HTTP request (a Package#2 from a server target; an HTTP response of an endpoint)."
        },
        "sessionMs": {
          "type": "integer",
          "minimum": 1,
          "default": 30000,
          "description": "Wait for a client target to open a session (Package#1) after a notification or a trigger, and for its next package within a session."
        },
        "noSessionWaitMs": {
          "type": "integer",
          "minimum": 1,
          "default": 5000,
          "description": "How long to watch before judging that no session (or no further package) came, e.g. after a notification that must be dropped or after END."
        },
        "operatorMs": {
          "type": "integer",
          "minimum": 1,
          "default": 300000,
          "description": "Wait for an operator to carry out a manual trigger."
        },
        "triggerMs": {
          "type": "integer",
          "minimum": 1,
          "default": 10000,
          "description": "Time limit of one HTTP, shell or module trigger or hook (the request answered, the command exited, the function settled); past it the scenario is inconclusive. A hook's readiness probe has its own limit (`ready.timeoutMs`)."
        }
      }
    },
    "limits": {
      "title": "IxitLimits",
      "description": "IXIT: bounds dmct applies to whatever the target sends.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "maxBodyBytes": {
          "type": "integer",
          "minimum": 1024,
          "maximum": 268435456,
          "default": 1048576,
          "description": "Largest HTTP body or datagram dmct accepts from the target; larger ones are cut off and recorded as truncated."
        },
        "maxJsonDepth": {
          "type": "integer",
          "minimum": 8,
          "maximum": 1000,
          "default": 64,
          "description": "Deepest JSON nesting dmct parses from the target; a deeper body is refused unparsed and the exchange's item fails naming this limit."
        },
        "maxCommands": {
          "type": "integer",
          "minimum": 16,
          "maximum": 100000,
          "default": 1000,
          "description": "Most commands dmct executes from one Package#2; a longer one is refused unexecuted and the Package#2 item fails naming this limit."
        }
      }
    },
    "network": {
      "title": "IxitNetwork",
      "description": "IXIT: where dmct's own endpoints (DM server, notification sink, data repository, web server) listen and how the target reaches them.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "bindHost": {
          "type": "string",
          "minLength": 1,
          "default": "127.0.0.1",
          "description": "Address dmct's endpoints bind to. Loopback by default; use 0.0.0.0 only for a target on another machine."
        },
        "advertisedHost": {
          "type": "string",
          "minLength": 1,
          "description": "Host name or address the target uses to reach dmct's endpoints (in URLs dmct hands out: ServerURIs of HGET, HPUT, CONT, SHOW…). Default: bindHost."
        },
        "endpointsPort": {
          "$ref": "#/$defs/Port",
          "default": 0,
          "description": "TCP port of the data repository and web server dmct serves for a server target ({{dmct.repositoryUrl}}, {{dmct.webUrl}}); 0 = any free port. Fix it when a firewall must let the server's URLs through. (A client target's repository and web pages share dmct's DM endpoint, client.dmEndpoint.port; the notification sinks have their ports in server.notificationSink.)"
        },
        "allowHosts": {
          "type": "array",
          "maxItems": 256,
          "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300,
            "pattern": "^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$"
          },
          "description": "Egress policy: hosts (`host` or `host:port`) a server target may make dmct, playing the device, send requests to (HGET, HPUT, HPOST, SHOW, SUB, EXEC and CONT ServerURIs), besides the target's own host and port and dmct's own endpoints, which are always allowed; for a client target, hosts dmct may fetch the DDFs the client links from (6.4), besides the client's own hosts (its notification transport and admin API). A URL elsewhere is not fetched and the scenario ends inconclusive naming it. IP addresses are compared in normal form (decimal, hex and IPv4-mapped IPv6 forms count as the address); names only as written, never by what they resolve to."
        }
      }
    },
    "tls": {
      "$ref": "#/$defs/IxitTls"
    },
    "httpAuth": {
      "$ref": "#/$defs/IxitHttpAuth"
    },
    "server": {
      "$ref": "#/$defs/ServerIxit"
    },
    "client": {
      "$ref": "#/$defs/ClientIxit"
    },
    "hooks": {
      "$ref": "#/$defs/Hooks"
    }
  },
  "allOf": [
    {
      "if": {
        "properties": {
          "role": {
            "const": "server"
          }
        },
        "required": [
          "role"
        ]
      },
      "then": {
        "required": [
          "server"
        ],
        "properties": {
          "server": true,
          "client": false
        }
      }
    },
    {
      "if": {
        "properties": {
          "role": {
            "const": "client"
          }
        },
        "required": [
          "role"
        ]
      },
      "then": {
        "required": [
          "client"
        ],
        "properties": {
          "client": true,
          "server": false
        }
      }
    }
  ],
  "$defs": {
    "Comment": {
      "title": "Comment",
      "description": "Free text for humans; dmct ignores it (JSON has no comments).",
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      ]
    },
    "ItemId": {
      "title": "ScrItemId",
      "description": "An SCR item id, `<ENABLER>-<GROUP>-<NNN>-<C|S>-<M|O>`, e.g. `DM-PACK-014-C-M`.",
      "type": "string",
      "pattern": "^DM-[A-Z]+-[0-9]{3}-[CS]-[MO]$"
    },
    "ItemIdList": {
      "title": "ScrItemIdList",
      "description": "Each id at most once (checked after the schema, in linear time).",
      "type": "array",
      "maxItems": 2000,
      "items": {
        "$ref": "#/$defs/ItemId"
      }
    },
    "Port": {
      "title": "Port",
      "type": "integer",
      "minimum": 0,
      "maximum": 65535,
      "description": "TCP or UDP port number."
    },
    "UrlPath": {
      "title": "UrlPath",
      "type": "string",
      "pattern": "^/[^?#\\s]*$",
      "description": "URL path, starting with `/`."
    },
    "Template": {
      "title": "Template",
      "description": "Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{\"cmd\": {{package2.CMD}}, \"preferredConType\": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.",
      "type": "string",
      "minLength": 1
    },
    "TriggerInput": {
      "title": "TriggerInput",
      "description": "The documented input of a trigger or hook: the values its placeholders address, and the argument of a module trigger's function. Which members a trigger gets is said at each; every one gets devId, serverId, adminUrl, adminToken (when set) and dmct.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "devId": {
          "type": "string",
          "description": "The device's DevID (server.device.devId or client.devId)."
        },
        "serverId": {
          "type": "string",
          "description": "The server's SrvID (server.device.serverId or client.serverId)."
        },
        "adminUrl": {
          "type": "string",
          "description": "The claims' adminUrl, as given (with its path prefix, without a trailing slash)."
        },
        "adminToken": {
          "type": "string",
          "description": "The claims' adminToken."
        },
        "dmct": {
          "$ref": "#/$defs/DmctEndpoints"
        },
        "options": {
          "$ref": "#/$defs/NotifyOptions"
        },
        "command": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "examples": [
            [
              "HGET",
              "http://127.0.0.1:40123/repo/x",
              "urn:oma:mo:oma-dm-devinfo:1.2//Ext"
            ]
          ],
          "description": "queueCommand: the DM command as a Package#2 CMD entry: its name, then its parameters (section 7.2.1.2)."
        },
        "params": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "queueCommand: the command's parameters alone (command without its name)."
        },
        "package2": {
          "$ref": "https://dmct.dev/schemas/package2.schema.json",
          "examples": [
            {
              "CMD": [
                [
                  "GET",
                  "urn:oma:mo:oma-dm-devinfo:1.2//DevID"
                ],
                [
                  "END"
                ]
              ]
            }
          ],
          "description": "queuePackage2: the whole Package#2 the server is to answer with (section 7.2.1.2); its CMD member is the list of commands."
        },
        "moid": {
          "type": "string",
          "description": "needMoid: the MOID a local application of the client is to need (section 5.3.10)."
        },
        "serverUrl": {
          "type": "string",
          "description": "sessionWith: the URL of the DM server the client is to open its session with (dmct matrix: its monitor's)."
        }
      }
    },
    "NotifyOptions": {
      "title": "NotifyOptions",
      "description": "notify: the Package#0 options a scenario wants (section 5.2.1.2). A member left out means \"as the server likes\"; only the members a scenario cares about are present. In a JSON body, a member or item whose placeholder has no value is left out; elsewhere (a URL, a header, a command, inside a JSON string) a missing value makes the scenario inconclusive naming it. A hook that cannot apply a member answers that it cannot honour it.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "serverId": {
          "type": [
            "string",
            "null"
          ],
          "description": "SERVER-ID to send; null: leave the option out."
        },
        "conTypes": {
          "type": "array",
          "items": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3
          },
          "description": "PREFERRED-CON-TYPE values, highest priority first (0 ANY_AVAILABLE, 1 CELLULAR, 2 WLAN, 3 WIRELINE)."
        },
        "notificationId": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 0,
          "maximum": 65535,
          "description": "NOTIFICATION-ID to send; null: leave it out."
        },
        "timestamp": {
          "description": "TIMESTAMP in POSIX seconds or \"now\"; null: leave it out.",
          "oneOf": [
            {
              "type": "integer",
              "minimum": 0
            },
            {
              "const": "now"
            },
            {
              "type": "null"
            }
          ]
        },
        "reqMos": {
          "type": "boolean",
          "description": "Send REQ-MOS."
        },
        "digest": {
          "type": "boolean",
          "description": "Send SHA256-DIGEST (computed with the device's provisioned secret)."
        }
      }
    },
    "DmctEndpoints": {
      "title": "DmctEndpoints",
      "description": "{{dmct.…}}: where dmct's own endpoints listen as the target must reach them (network.advertisedHost), and the credentials the claims give, so that nothing is written twice. A member is present once dmct knows it (endpoints opened on port 0 are known once started: before reset and each trigger, not before setup).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "role": {
          "enum": [
            "server",
            "client"
          ],
          "description": "The role of the target."
        },
        "host": {
          "type": "string",
          "description": "network.advertisedHost (default bindHost)."
        },
        "serverUrl": {
          "type": "string",
          "description": "Client target: dmct's DM server URL, which the client's DM account (DMAcc SrvURI) must name."
        },
        "repositoryUrl": {
          "type": "string",
          "description": "dmct's data repository (base URL)."
        },
        "webUrl": {
          "type": "string",
          "description": "dmct's web server (base URL)."
        },
        "notificationSink": {
          "type": "object",
          "additionalProperties": false,
          "description": "Server target: where dmct listens for Package#0 (server.notificationSink).",
          "properties": {
            "udpHost": {
              "type": "string",
              "description": "Host of the UDP (WAP Push) sink."
            },
            "udpPort": {
              "type": "integer",
              "description": "Port of the UDP sink (the real one when configured as 0)."
            },
            "httpUrl": {
              "type": "string",
              "description": "URL of the HTTP sink."
            },
            "gcmUrl": {
              "type": "string",
              "description": "URL of the GCM stand-in."
            }
          }
        },
        "credentials": {
          "type": "object",
          "additionalProperties": false,
          "description": "The notification credentials (DMAcc Auth/Noti Secret and Data, as text or hex as the claims give them) and, for a server target, the device's HTTP Basic credentials.",
          "properties": {
            "secret": {
              "type": "string"
            },
            "secretHex": {
              "type": "string"
            },
            "authData": {
              "type": "string"
            },
            "authDataHex": {
              "type": "string"
            },
            "username": {
              "type": "string"
            },
            "password": {
              "type": "string"
            }
          }
        }
      }
    },
    "Trigger": {
      "title": "Trigger",
      "description": "How dmct makes the target act: an HTTP request to the target's test hooks, a shell command, a function of a JS/TS module, or a prompt to an operator (test fests). Its input is the trigger's documented object (TriggerInput), addressed by the templates' placeholders. A missing trigger makes the scenarios that need it inconclusive; so does a hook that answers it cannot honour what was asked (HTTP 422, or a JSON answer with `\"unsupported\": [names]`), naming what it cannot honour, never a fail of the target.",
      "oneOf": [
        {
          "$ref": "#/$defs/HttpTrigger"
        },
        {
          "$ref": "#/$defs/ShellTrigger"
        },
        {
          "$ref": "#/$defs/ModuleTrigger"
        },
        {
          "$ref": "#/$defs/ManualTrigger"
        }
      ]
    },
    "HttpTrigger": {
      "title": "HttpTrigger",
      "description": "Sends one HTTP request; any 2xx answer counts as done (a JSON answer with `\"unsupported\": [names]` means cannot honour, with `\"sessionDone\": true` that the session the trigger caused is over). HTTP 422 means cannot honour; any other answer makes the scenario inconclusive, quoting the answer.",
      "type": "object",
      "required": [
        "kind",
        "url"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "kind": {
          "const": "http",
          "description": "Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt)."
        },
        "method": {
          "enum": [
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE"
          ],
          "default": "POST",
          "description": "HTTP method."
        },
        "url": {
          "$ref": "#/$defs/Template",
          "description": "Request URL (a Template; must give an http or https URL once expanded)."
        },
        "headers": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/$defs/Template"
          },
          "description": "Extra request headers."
        },
        "body": {
          "$ref": "#/$defs/Template",
          "description": "Request body (a Template). Sent with content-type application/json unless headers say otherwise."
        }
      }
    },
    "ShellTrigger": {
      "title": "ShellTrigger",
      "description": "Runs a command with /bin/sh within timeouts.triggerMs; exit code 0 counts as done (standard output read as a JSON answer as for an HTTP trigger: `unsupported`, `sessionDone`).",
      "type": "object",
      "required": [
        "kind",
        "command"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "kind": {
          "const": "shell",
          "description": "Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt)."
        },
        "command": {
          "$ref": "#/$defs/Template",
          "description": "The command line (a Template; placeholder values are quoted as single words)."
        }
      }
    },
    "ModuleTrigger": {
      "title": "ModuleTrigger",
      "description": "Calls one exported async function of a JavaScript or TypeScript module named in the claims, for an API that needs logic. The function gets the trigger's input (TriggerInput: the same values as the placeholders) and `{ signal }` (aborted at timeouts.triggerMs); what it returns is the answer (`{ \"unsupported\": [...] }`: cannot honour; `{ \"sessionDone\": true }`: the session is over); a throw makes the scenario inconclusive with its message. dmct runs the module because the claims name it.",
      "type": "object",
      "required": [
        "kind",
        "module"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "kind": {
          "const": "module",
          "description": "Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt)."
        },
        "module": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "./dm-hooks.mjs"
          ],
          "description": "Path of the module, relative to the claims file (or absolute): an ES module, .mjs (JavaScript) or .mts (TypeScript; also .js and .ts inside a package with \"type\": \"module\")."
        },
        "export": {
          "type": "string",
          "pattern": "^[A-Za-z_$][A-Za-z0-9_$]*$",
          "description": "Name of the exported function; default: the trigger's name (notify, queueCommand, reset…)."
        }
      }
    },
    "Hooks": {
      "title": "Hooks",
      "description": "Hooks that prepare the target, each a trigger with an optional readiness probe: `setup` once before the first scenario (per test worker; an external target runs with one worker), `reset` before each scenario (clears what the previous one left: queued commands, notification ids, tree contents; restarts a target that serves one session per process), `teardown` after the last scenario. A setup or reset that fails, or whose target is not ready in time, makes the scenarios inconclusive naming it. A target with a setup hook is not reached before it runs (the hook's readiness probe takes the place of the pre-flight).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "setup": {
          "$ref": "#/$defs/Hook"
        },
        "reset": {
          "$ref": "#/$defs/Hook"
        },
        "teardown": {
          "$ref": "#/$defs/Hook"
        }
      }
    },
    "Hook": {
      "title": "Hook",
      "description": "A trigger run at a fixed point of the run, and how dmct knows the target is ready after it.",
      "type": "object",
      "required": [
        "run"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "run": {
          "$ref": "#/$defs/Trigger",
          "description": "What to do (its input: HookInput)."
        },
        "ready": {
          "$ref": "#/$defs/Readiness"
        }
      }
    },
    "Readiness": {
      "title": "Readiness",
      "description": "When the target is ready after a hook: `url` answers 2xx (polled), or the hook's shell command printed a line matching `line` (a long-running command: it is the target; dmct keeps it running and stops its process group at the next run of the same hook, at teardown, or when the worker ends). Not ready within `timeoutMs`: the hook failed.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "url": {
          "$ref": "#/$defs/Template",
          "description": "A URL that answers 2xx (GET) once the target is ready."
        },
        "line": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200,
          "examples": [
            "listening on"
          ],
          "description": "A regular expression matched against each line the hook's shell command prints (stdout or stderr)."
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "default": 30000,
          "description": "Longest wait for readiness."
        }
      },
      "oneOf": [
        {
          "required": [
            "url"
          ],
          "properties": {
            "url": true
          }
        },
        {
          "required": [
            "line"
          ],
          "properties": {
            "line": true
          }
        }
      ]
    },
    "ManualTrigger": {
      "title": "ManualTrigger",
      "description": "Shows a prompt and waits up to timeouts.operatorMs for the operator to confirm.",
      "type": "object",
      "required": [
        "kind",
        "prompt"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "kind": {
          "const": "manual",
          "description": "Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt)."
        },
        "prompt": {
          "$ref": "#/$defs/Template",
          "description": "What the operator must do (a Template)."
        }
      }
    },
    "NotificationCredentials": {
      "title": "NotificationCredentials",
      "description": "The SHA256-DIGEST credentials of Package#0 (section 5.2.1.2: digest = SHA-256(secret ‖ notification ‖ auth-data)), as provisioned in DMAcc <x>/Auth/Noti/{Secret,Data}. Each value is given either as UTF-8 text or as hex, not both.",
      "type": "object",
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "secret": {
          "type": "string",
          "description": "Server secret as UTF-8 text."
        },
        "secretHex": {
          "type": "string",
          "pattern": "^([0-9a-fA-F]{2})*$",
          "description": "Server secret as hex bytes."
        },
        "authData": {
          "type": "string",
          "description": "Auth data as UTF-8 text (DMAcc <x>/Auth/Noti/Data). Absent means none: the digest is then computed over the secret and the notification alone. `dmct claims init` writes the placeholder \"change-me\" here and in the secret, and `dmct scr check` reports each until it is replaced; write \"\" for a device that has no auth data."
        },
        "authDataHex": {
          "type": "string",
          "pattern": "^([0-9a-fA-F]{2})*$",
          "description": "Auth data as hex bytes."
        }
      },
      "allOf": [
        {
          "not": {
            "properties": {
              "secret": true,
              "secretHex": true
            },
            "required": [
              "secret",
              "secretHex"
            ]
          }
        },
        {
          "not": {
            "properties": {
              "authData": true,
              "authDataHex": true
            },
            "required": [
              "authData",
              "authDataHex"
            ]
          }
        }
      ],
      "additionalProperties": false
    },
    "Secret": {
      "title": "Secret",
      "description": "A secret: the value itself, or `{ \"env\": \"NAME\" }` to read it from that environment variable when dmct runs (so the claims file need not hold it). An unset variable is an error at start.",
      "oneOf": [
        {
          "type": "string",
          "maxLength": 1024
        },
        {
          "type": "object",
          "required": [
            "env"
          ],
          "additionalProperties": false,
          "properties": {
            "env": {
              "type": "string",
              "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,127}$",
              "description": "Name of the environment variable holding the secret."
            }
          }
        }
      ]
    },
    "FilePath": {
      "title": "FilePath",
      "type": "string",
      "minLength": 1,
      "maxLength": 4096,
      "description": "A file path, relative to the claims file's folder unless absolute."
    },
    "IxitTls": {
      "title": "IxitTls",
      "description": "IXIT: TLS (section 9.2.2). Server role: how dmct, playing the device, reaches an https:// target (trust, its own certificate or PSK) and what the target claims to negotiate. Client role: the certificate dmct's DM endpoint (and repository and web pages) presents over TLS, by default one from a CA dmct makes afresh for each run, and what the device claims. Without this block dmct trusts only the system's CAs and serves plain HTTP.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "caFile": {
          "$ref": "#/$defs/FilePath",
          "description": "Server role: PEM bundle of the CA(s) the target's certificate chains to (a private CA); dmct trusts these besides the system's CAs."
        },
        "certFile": {
          "$ref": "#/$defs/FilePath",
          "description": "Server role: dmct's client certificate (PEM) for servers that ask for one. Client role: a vendor-supplied server certificate (PEM) for dmct's endpoints instead of the per-run one; needs keyFile."
        },
        "keyFile": {
          "$ref": "#/$defs/FilePath",
          "description": "The private key (PEM) of certFile."
        },
        "caOutFile": {
          "$ref": "#/$defs/FilePath",
          "description": "Client role: where dmct writes the per-run CA certificate (PEM) at start, for a setup hook that installs it on the device as trusted."
        },
        "only": {
          "type": "boolean",
          "default": false,
          "description": "The implementation uses DM over TLS only. Informative: a client's refusal of a plain-HTTP DM server is checked whenever this block is given (section 9.2.2), and nothing in section 9.2 obliges a server to refuse plain HTTP, so no server is judged on it."
        },
        "psk": {
          "title": "TlsPsk",
          "description": "PSK-TLS (section 9.2.2; DMAcc AppAuth PSK, section 12.2.1.1): the identity and key dmct uses.",
          "type": "object",
          "required": [
            "identity",
            "keyHex"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "identity": {
              "type": "string",
              "minLength": 1,
              "maxLength": 1024,
              "description": "PSK identity (UTF-8)."
            },
            "keyHex": {
              "$ref": "#/$defs/Secret",
              "description": "The pre-shared key as hex digits (1 to 64 bytes), or `{ \"env\": \"NAME\" }`."
            }
          }
        },
        "versions": {
          "type": "array",
          "uniqueItems": true,
          "minItems": 1,
          "items": {
            "enum": [
              "TLSv1",
              "TLSv1.1",
              "TLSv1.2"
            ]
          },
          "description": "TLS versions the implementation claims (section 9.2.2: TLS 1.1 SHALL, 1.0 and 1.2 SHOULD). dmct offers only these (at most TLS 1.2) and checks each is negotiated. Default: all three."
        },
        "cipherSuites": {
          "type": "array",
          "uniqueItems": true,
          "minItems": 1,
          "items": {
            "enum": [
              "TLS_PSK_WITH_AES_128_GCM_SHA256",
              "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256",
              "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256",
              "TLS_PSK_WITH_AES_128_CBC_SHA256",
              "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256",
              "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256",
              "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256",
              "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
              "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
              "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
              "TLS_RSA_WITH_AES_128_CBC_SHA256"
            ]
          },
          "description": "Cipher suites of section 9.2.2 the implementation claims (IANA names). Default: the X.509 suites for certificate mode, the PSK suites with psk. Client role: the embedded reference client offers only these of section 9.2.2 and no suite that authenticates the server otherwise (an RSA-only device, say); dmct's endpoints serve an ECDSA and an RSA certificate whatever is claimed."
        },
        "serverKeyTypes": {
          "type": "array",
          "uniqueItems": true,
          "minItems": 1,
          "items": {
            "enum": [
              "ecdsa",
              "rsa"
            ]
          },
          "description": "Server role: the key types of the certificates the target server is configured with for the test (section 9.2.2: the ECDHE_ECDSA suites need an ECDSA certificate; the RSA, DHE_RSA and RSA_PSK suites an RSA one). A suite whose key type is not listed is not probed, and the item requiring every suite is inconclusive (precondition not met), never passed or failed. Default: both."
        }
      }
    },
    "IxitHttpAuth": {
      "title": "IxitHttpAuth",
      "description": "IXIT: HTTP authentication (section 9.2.1: Basic and Digest, RFC 2617). `send`: the credentials dmct sends as the device (server role). `expect`: the credentials dmct's DM endpoint demands of the device (client role). Without this block no HTTP authentication is used or judged.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "send": {
          "title": "HttpAuthSend",
          "description": "Server role: the device's credentials at the server. dmct sends Basic at once (or, with scheme digest, nothing until the first challenge) and answers a 401 challenge with Basic or Digest.",
          "type": "object",
          "required": [
            "username",
            "password"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "username": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            },
            "password": {
              "$ref": "#/$defs/Secret"
            },
            "scheme": {
              "enum": [
                "basic",
                "digest"
              ],
              "default": "basic",
              "description": "What dmct sends unasked: `basic` credentials at once, `digest` only in answer to a challenge."
            }
          }
        },
        "expect": {
          "title": "HttpAuthExpect",
          "description": "Client role: the credentials dmct's DM endpoint expects of the device; a request without them is challenged with 401.",
          "type": "object",
          "required": [
            "username",
            "password"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "username": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            },
            "password": {
              "$ref": "#/$defs/Secret"
            },
            "schemes": {
              "type": "array",
              "uniqueItems": true,
              "minItems": 1,
              "items": {
                "enum": [
                  "basic",
                  "digest"
                ]
              },
              "default": [
                "basic",
                "digest"
              ],
              "description": "The schemes the device claims; dmct challenges with each in turn."
            },
            "realm": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256,
              "default": "dmct",
              "description": "Realm of dmct's challenges."
            }
          }
        }
      }
    },
    "BasicAuth": {
      "title": "BasicAuth",
      "description": "HTTP Basic credentials (section 9.2.1); the DMAcc MO has no node for them, so they come from the IXIT.",
      "type": "object",
      "required": [
        "username",
        "password"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "username": {
          "type": "string"
        },
        "password": {
          "type": "string"
        }
      }
    },
    "Moids": {
      "title": "StandardMoids",
      "description": "MOIDs of the standard MOs as the implementation spells them. The approved text disagrees with its own examples (devinfo 1.2 vs 1.0, dmacc 1.2 vs 2.0); the defaults follow the MO definitions of section 12.",
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "devInfo": {
          "type": "string",
          "minLength": 1,
          "default": "urn:oma:mo:oma-dm-devinfo:1.2",
          "description": "DevInfo MO (section 12.1)."
        },
        "dmAcc": {
          "type": "string",
          "minLength": 1,
          "default": "urn:oma:mo:oma-dm-dmacc:1.2",
          "description": "DM Account MO (section 12.2)."
        },
        "dacmo": {
          "type": "string",
          "minLength": 1,
          "default": "urn:oma:mo:oma-dm-dacmo:1.0",
          "description": "Delegation Access Control MO (section 12.3)."
        },
        "sessionInfo": {
          "type": "string",
          "minLength": 1,
          "default": "urn:oma:mo:oma-sessioninfomo:1.0",
          "description": "Session Information MO (section 12.4)."
        }
      }
    },
    "ServerIxit": {
      "title": "ServerIxit",
      "description": "IXIT for a server target: dmct plays the DM client (the device).",
      "type": "object",
      "required": [
        "url",
        "device"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "url": {
          "type": "string",
          "format": "uri",
          "pattern": "^https?://",
          "examples": [
            "http://127.0.0.1:8080/dm"
          ],
          "description": "The server's DM endpoint, which receives Package#1 (DMAcc <x>/SrvURI)."
        },
        "device": {
          "$ref": "#/$defs/DeviceIdentity"
        },
        "notificationSink": {
          "$ref": "#/$defs/NotificationSink",
          "examples": [
            {
              "udp": {
                "port": 2948
              }
            }
          ]
        },
        "triggers": {
          "$ref": "#/$defs/ServerTriggers",
          "examples": [
            {
              "notify": {
                "kind": "manual",
                "prompt": "Make the server send a DM notification (Package#0) to device {{devId}} with these options: {{options}}"
              },
              "queueCommand": {
                "kind": "manual",
                "prompt": "Make the server send this DM command to device {{devId}} in its next Package#2: {{command}}"
              },
              "queuePackage2": {
                "kind": "manual",
                "prompt": "Make the server answer the next package of device {{devId}} with this Package#2: {{package2}}"
              }
            }
          ]
        }
      }
    },
    "DeviceIdentity": {
      "title": "DeviceIdentity",
      "description": "The device dmct pretends to be, as the server knows it.",
      "type": "object",
      "required": [
        "devId",
        "serverId",
        "notification"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "devId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "IMEI:493005100592800"
          ],
          "description": "DevInfo DevID, sent as the OMADM-DevID header (section 5.2.2)."
        },
        "serverId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "acme-dms"
          ],
          "description": "The server's SrvID (DMAcc <x>/SrvID) as it puts it in the SERVER-ID option of Package#0."
        },
        "notification": {
          "$ref": "#/$defs/NotificationCredentials",
          "type": "object",
          "description": "Credentials to check the server's SHA256-DIGEST with (the server must send it: DM-PACK-008-S-M).",
          "examples": [
            {
              "secret": "change-me",
              "authData": "change-me"
            }
          ],
          "if": {
            "not": {
              "properties": {
                "secretHex": true
              },
              "required": [
                "secretHex"
              ]
            }
          },
          "then": {
            "properties": {
              "secret": true
            },
            "required": [
              "secret"
            ]
          }
        },
        "basicAuth": {
          "$ref": "#/$defs/BasicAuth"
        },
        "moids": {
          "$ref": "#/$defs/Moids"
        }
      }
    },
    "NotificationSink": {
      "title": "NotificationSink",
      "description": "Where dmct listens for the server's Package#0 (Appendix E). Configure the server to send the device's notifications there. Without any sink the notification scenarios are inconclusive.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "udp": {
          "title": "UdpSink",
          "description": "Connectionless WAP Push over UDP (App E.1).",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "port": {
              "$ref": "#/$defs/Port",
              "default": 2948,
              "description": "UDP port (2948 = WAP connectionless push, App E.1.1; 0 = any free port)."
            }
          }
        },
        "http": {
          "title": "HttpSink",
          "description": "An HTTP endpoint that receives the notification bytes in a POST body (an \"other\" transport, App E.3).",
          "type": "object",
          "required": [
            "port"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "port": {
              "$ref": "#/$defs/Port"
            },
            "path": {
              "$ref": "#/$defs/UrlPath",
              "default": "/notification"
            }
          }
        },
        "gcm": {
          "title": "GcmSink",
          "description": "A stand-in for the GCM push service (App E.2): receives the server's GCM send request, notification bytes base64 in the data key \"SMS\".",
          "type": "object",
          "required": [
            "port"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "port": {
              "$ref": "#/$defs/Port"
            },
            "path": {
              "$ref": "#/$defs/UrlPath",
              "default": "/gcm/send"
            }
          }
        }
      }
    },
    "ServerTriggers": {
      "title": "ServerTriggers",
      "description": "How dmct makes the server act for the device.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "notify": {
          "$ref": "#/$defs/Trigger",
          "description": "Make the server send a Package#0 to the device. Input: {{options}} (NotifyOptions)."
        },
        "queueCommand": {
          "$ref": "#/$defs/Trigger",
          "description": "Make the server send one DM command in its next Package#2 to the device. Input: {{command}} (name and parameters), {{params}}."
        },
        "queuePackage2": {
          "$ref": "#/$defs/Trigger",
          "description": "Make the server answer the device's next package with exactly this Package#2. Input: {{package2}} ({\"CMD\": [[…]]})."
        }
      }
    },
    "ClientIxit": {
      "title": "ClientIxit",
      "description": "IXIT for a client target: dmct plays the DM server.",
      "type": "object",
      "required": [
        "devId",
        "serverId",
        "dmEndpoint",
        "nodes"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "devId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "IMEI:351234567890123"
          ],
          "description": "The OMADM-DevID the client sends (its DevInfo DevID, section 5.2.2)."
        },
        "serverId": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "dmct"
          ],
          "description": "The SrvID of the DM account the client holds for dmct; dmct sends it as SERVER-ID."
        },
        "dmEndpoint": {
          "title": "DmEndpoint",
          "description": "Where dmct's DM server listens. Configure the client's DM account (SrvURI) with http://<advertisedHost>:<port><path>.",
          "type": "object",
          "additionalProperties": false,
          "default": {},
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "port": {
              "$ref": "#/$defs/Port",
              "default": 8080,
              "description": "TCP port (0 = any free port; only for clients that dmct can tell the URL, such as the embedded reference client)."
            },
            "path": {
              "$ref": "#/$defs/UrlPath",
              "default": "/dm"
            }
          }
        },
        "notification": {
          "$ref": "#/$defs/ClientNotification",
          "description": "How dmct delivers a Package#0 to the client (Appendix E), with the credentials for SHA256-DIGEST. Required when the client claims Package#0 (DM-PACK-002-C-O in implements); without it, sessions start by the clientInitiated trigger and a scenario that must send a Package#0 is inconclusive.",
          "examples": [
            {
              "transport": "udp",
              "udp": {
                "host": "127.0.0.1",
                "port": 2948
              },
              "secret": "change-me",
              "authData": "change-me",
              "timestampEncoding": "uint32"
            }
          ]
        },
        "clientInitiated": {
          "$ref": "#/$defs/Trigger",
          "description": "Make the client open a session on its own (ClientInitiatedMgmt).",
          "examples": [
            {
              "kind": "manual",
              "prompt": "Make the client open a DM session to dmct on its own (client-initiated)."
            }
          ]
        },
        "sessionWith": {
          "$ref": "#/$defs/Trigger",
          "description": "Make the client open a client-initiated session (ClientInitiatedMgmt) with the DM server at {{serverUrl}} instead of the one its account names: dmct matrix points each client at its monitor in front of each server this way. Answer with `\"sessionDone\": true` once the session is over; otherwise dmct matrix judges the pair when its time is up.",
          "examples": [
            {
              "kind": "manual",
              "prompt": "Make the client open a DM session with the DM server at {{serverUrl}}."
            },
            {
              "kind": "http",
              "method": "POST",
              "url": "{{adminUrl}}/session?wait=1&server={{serverUrl}}",
              "headers": {
                "authorization": "Bearer {{adminToken}}"
              }
            }
          ]
        },
        "needMoid": {
          "$ref": "#/$defs/Trigger",
          "description": "Make a local application of the client need an MO it has no instance of ({{moid}}), so that the client fetches it from the ServerURI a DEFAULT command named (section 5.3.10). Without it the DEFAULT scenarios are inconclusive.",
          "examples": [
            {
              "kind": "manual",
              "prompt": "Make an application on device {{devId}} need the MO {{moid}} (the client should fetch it from its DEFAULT source)."
            }
          ]
        },
        "bearers": {
          "description": "IXIT: the connections the device under test can call back over in the test set-up (PREFERRED-CON-TYPE values, section 5.2.1.2). With it, a call-back over another bearer than the preferred, available one is reported as a non-strict finding (the text says SHOULD); without it, the bearer in use is recorded but not judged.",
          "type": "array",
          "items": {
            "enum": [
              "CELLULAR",
              "WLAN",
              "WIRELINE"
            ]
          },
          "uniqueItems": true,
          "minItems": 1,
          "examples": [
            [
              "CELLULAR",
              "WLAN"
            ]
          ]
        },
        "nodes": {
          "$ref": "#/$defs/ClientNodes"
        },
        "moids": {
          "$ref": "#/$defs/Moids"
        },
        "serverUriValues": {
          "$ref": "#/$defs/ServerUriValues"
        }
      }
    },
    "ServerUriValues": {
      "title": "ServerUriValues",
      "description": "IXIT: the values the device under test puts for the ServerURI placeholders besides [DevID] (section 6.2), as they are before URI-encoding; `-1` where it has none (no mobile network, no service provider name). With a value, the placeholder scenarios compare the substituted text with it; without it, they only check that the placeholder was replaced by a value of the right form.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "MNC": {
          "type": "string",
          "pattern": "^(-1|[0-9]{2,3})$",
          "description": "Home network MNC (3GPP TS 23.003), or -1."
        },
        "MCC": {
          "type": "string",
          "pattern": "^(-1|[0-9]{3})$",
          "description": "Home network MCC (3GPP TS 23.003), or -1."
        },
        "CMNC": {
          "type": "string",
          "pattern": "^(-1|[0-9]{2,3})$",
          "description": "MNC of the network the device is on, or -1."
        },
        "CMCC": {
          "type": "string",
          "pattern": "^(-1|[0-9]{3})$",
          "description": "MCC of the network the device is on, or -1."
        },
        "SPName": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "description": "Service provider name (3GPP TS 31.102), or -1."
        }
      },
      "examples": [
        {
          "MNC": "01",
          "MCC": "001",
          "CMNC": "02",
          "CMCC": "001",
          "SPName": "dmct test operator"
        }
      ]
    },
    "ClientNotification": {
      "title": "ClientNotification",
      "description": "How dmct delivers a Package#0 to the client (Appendix E), with the credentials for SHA256-DIGEST.",
      "type": "object",
      "required": [
        "transport"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "transport": {
          "enum": [
            "udp",
            "http",
            "shell",
            "manual"
          ],
          "description": "`udp`: WAP connectionless push datagram (App E.1); `http`: POST of the bytes to a URL (App E.3); `shell`: a command that delivers the bytes ({{hex}} in the command, bytes also on stdin); `manual`: show the bytes as hex to an operator."
        },
        "secret": {
          "$ref": "#/$defs/NotificationCredentials/properties/secret"
        },
        "secretHex": {
          "$ref": "#/$defs/NotificationCredentials/properties/secretHex"
        },
        "authData": {
          "$ref": "#/$defs/NotificationCredentials/properties/authData"
        },
        "authDataHex": {
          "$ref": "#/$defs/NotificationCredentials/properties/authDataHex"
        },
        "udp": {
          "title": "UdpDelivery",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "host": {
              "type": "string",
              "minLength": 1,
              "default": "127.0.0.1",
              "description": "The client's address."
            },
            "port": {
              "$ref": "#/$defs/Port",
              "default": 2948,
              "description": "The client's WAP push port (App E.1.1)."
            }
          },
          "description": "Used when transport is `udp`: where the client listens for WAP push datagrams."
        },
        "http": {
          "title": "HttpDelivery",
          "type": "object",
          "required": [
            "url"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "url": {
              "type": "string",
              "format": "uri",
              "pattern": "^https?://",
              "description": "URL the notification bytes are POSTed to (application/vnd.syncml.dm.notification)."
            }
          },
          "description": "Required when transport is `http`."
        },
        "shell": {
          "title": "ShellDelivery",
          "type": "object",
          "required": [
            "command"
          ],
          "additionalProperties": false,
          "properties": {
            "$comment": {
              "$ref": "#/$defs/Comment"
            },
            "command": {
              "type": "string",
              "minLength": 1,
              "description": "Run with /bin/sh within timeouts.triggerMs; the notification bytes go to its standard input, and {{hex}} (the bytes as hex), {{base64}}, {{file}} (a temporary file holding them) and {{devId}} are replaced, each as one literal word; the same values are in the environment as DMCT_HEX, DMCT_BASE64, DMCT_FILE and DMCT_DEVID. Placeholders are refused in a command using <<, $(, backticks, ${ or # (use the variables there)."
            }
          },
          "description": "Required when transport is `shell`."
        },
        "timestampEncoding": {
          "enum": [
            "uint32",
            "uint64"
          ],
          "default": "uint32",
          "description": "How dmct writes the TIMESTAMP option: big-endian POSIX seconds in 4 or 8 bytes (the text gives no length; §5.2.1.2)."
        }
      },
      "allOf": [
        {
          "not": {
            "properties": {
              "secret": true,
              "secretHex": true
            },
            "required": [
              "secret",
              "secretHex"
            ]
          }
        },
        {
          "not": {
            "properties": {
              "authData": true,
              "authDataHex": true
            },
            "required": [
              "authData",
              "authDataHex"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "transport": {
                "const": "http"
              }
            },
            "required": [
              "transport"
            ]
          },
          "then": {
            "required": [
              "http"
            ],
            "properties": {
              "http": true
            }
          }
        },
        {
          "if": {
            "properties": {
              "transport": {
                "const": "shell"
              }
            },
            "required": [
              "transport"
            ]
          },
          "then": {
            "required": [
              "shell"
            ],
            "properties": {
              "shell": true
            }
          }
        }
      ]
    },
    "ClientNodes": {
      "title": "ClientNodes",
      "description": "Nodes of the client's management tree the scenarios work on, as ClientURIs (section 6.1).",
      "type": "object",
      "required": [
        "readableLeaf",
        "emptyLeaf",
        "permanentNode",
        "deletableMoid",
        "executable"
      ],
      "additionalProperties": false,
      "properties": {
        "$comment": {
          "$ref": "#/$defs/Comment"
        },
        "readableLeaf": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:oma-dm-devinfo:1.2//DevID"
          ],
          "description": "A leaf with a value that dmct may read (GET, HPUT, HPOST)."
        },
        "emptyLeaf": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:acme-test:1.0//Empty"
          ],
          "description": "A leaf without content (GET answers 204)."
        },
        "permanentNode": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:oma-dm-devinfo:1.2//Man"
          ],
          "description": "A node dmct may try, and must fail, to delete (DELETE answers 405)."
        },
        "deletableMoid": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:acme-test:1.0"
          ],
          "description": "An MOID whose instances dmct may create with HGET and delete again."
        },
        "executable": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:acme-test:1.0//Operations/Run"
          ],
          "description": "An executable node (EXEC); it must do nothing harmful."
        },
        "asyncExecutable": {
          "type": "string",
          "minLength": 1,
          "description": "An executable node that reports asynchronously (202, then a Generic Alert, section 5.4.1). Default: executable."
        },
        "executableEffect": {
          "type": "string",
          "minLength": 1,
          "examples": [
            "urn:oma:mo:acme-test:1.0//Operations/RunCount"
          ],
          "description": "A readable leaf whose value changes each time `executable` runs (e.g. a run counter); dmct reads it before and after an EXEC to see that the node was executed (section 5.3.5). Without it only the EXEC status is checked."
        }
      }
    }
  }
} as const;
registerSchema(claimsSchema);

/**
 * A vendor's claims about one DM 2.0 implementation: the ICS (which SCR items of Appendix B it implements) and the IXIT (how dmct reaches and drives it). `dmct claims init --role client|server` writes a complete template; `dmct scr check <file>` checks it against the SCR tables. Every object may carry a `$comment` (string or array of strings) that dmct ignores.
 */
export type Claims = {
  /**
   * Optional link to this schema, for editors.
   */
  $schema?: string;
  $comment?: Comment;
  /**
   * The side the implementation under test plays. `server`: a DM server, dmct plays the DM client (fill in `server`). `client`: a DM client, dmct plays the DM server, the notification sender and the data and web endpoints (fill in `client`).
   */
  role: "client" | "server";
  /**
   * The SCR table edition the item ids refer to (a folder of scr/; `dmct scr list` shows its items).
   */
  edition?: string;
  implementation: ImplementationInfo;
  implements?: ScrItemIdList;
  notImplemented?: ScrItemIdList1;
  /**
   * IXIT: base URL of the target's test-control (admin) API, substituted for {{adminUrl}} in triggers. `dmct run` sets it for the embedded reference peers, which it starts on free ports.
   */
  adminUrl?: string;
  /**
   * IXIT: the secret the target's test-control (admin) API requires, substituted for {{adminToken}} in triggers (the reference peers take it as `Authorization: Bearer {{adminToken}}`; `dmct sim server|client` prints theirs, or takes one with --admin-token). `dmct run` sets it for the embedded reference peers.
   */
  adminToken?: string;
  timeouts?: IxitTimeouts;
  limits?: IxitLimits;
  network?: IxitNetwork;
  tls?: IxitTls;
  httpAuth?: IxitHttpAuth;
  server?: ServerIxit;
  client?: ClientIxit;
  hooks?: Hooks;
};
/**
 * Free text for humans; dmct ignores it (JSON has no comments).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Comment".
 */
export type Comment = string | string[];
/**
 * An SCR item id, `<ENABLER>-<GROUP>-<NNN>-<C|S>-<M|O>`, e.g. `DM-PACK-014-C-M`.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ItemId".
 */
export type ScrItemId = string;
/**
 * ICS: the optional items of the role's table that the implementation supports (mandatory items may be listed too; they are implied). An item whose requirement is false under these claims must not be listed.
 *
 * @maxItems 2000
 */
export type ScrItemIdList = ScrItemId[];
/**
 * ICS: items declared unsupported. Listing an item that is mandatory and applicable is a static non-conformance. An item may not be in both lists.
 *
 * @maxItems 2000
 */
export type ScrItemIdList1 = ScrItemId[];
/**
 * TCP port of the data repository and web server dmct serves for a server target ({{dmct.repositoryUrl}}, {{dmct.webUrl}}); 0 = any free port. Fix it when a firewall must let the server's URLs through. (A client target's repository and web pages share dmct's DM endpoint, client.dmEndpoint.port; the notification sinks have their ports in server.notificationSink.)
 */
export type Port = number;
/**
 * Server role: PEM bundle of the CA(s) the target's certificate chains to (a private CA); dmct trusts these besides the system's CAs.
 */
export type FilePath = string;
/**
 * Server role: dmct's client certificate (PEM) for servers that ask for one. Client role: a vendor-supplied server certificate (PEM) for dmct's endpoints instead of the per-run one; needs keyFile.
 */
export type FilePath1 = string;
/**
 * The private key (PEM) of certFile.
 */
export type FilePath2 = string;
/**
 * Client role: where dmct writes the per-run CA certificate (PEM) at start, for a setup hook that installs it on the device as trusted.
 */
export type FilePath3 = string;
/**
 * The pre-shared key as hex digits (1 to 64 bytes), or `{ "env": "NAME" }`.
 */
export type Secret =
  | string
  | {
      /**
       * Name of the environment variable holding the secret.
       */
      env: string;
    };
/**
 * A secret: the value itself, or `{ "env": "NAME" }` to read it from that environment variable when dmct runs (so the claims file need not hold it). An unset variable is an error at start.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Secret".
 */
export type Secret1 =
  | string
  | {
      /**
       * Name of the environment variable holding the secret.
       */
      env: string;
    };
/**
 * Credentials to check the server's SHA256-DIGEST with (the server must send it: DM-PACK-008-S-M).
 */
export type NotificationCredentials = {
  $comment?: Comment;
  /**
   * Server secret as UTF-8 text.
   */
  secret?: string;
  /**
   * Server secret as hex bytes.
   */
  secretHex?: string;
  /**
   * Auth data as UTF-8 text (DMAcc <x>/Auth/Noti/Data). Absent means none: the digest is then computed over the secret and the notification alone. `dmct claims init` writes the placeholder "change-me" here and in the secret, and `dmct scr check` reports each until it is replaced; write "" for a device that has no auth data.
   */
  authData?: string;
  /**
   * Auth data as hex bytes.
   */
  authDataHex?: string;
};
/**
 * UDP port (2948 = WAP connectionless push, App E.1.1; 0 = any free port).
 */
export type Port1 = number;
/**
 * TCP or UDP port number.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Port".
 */
export type Port2 = number;
/**
 * URL path, starting with `/`.
 */
export type UrlPath = string;
/**
 * URL path, starting with `/`.
 */
export type UrlPath1 = string;
/**
 * Make the server send a Package#0 to the device. Input: {{options}} (NotifyOptions).
 */
export type Trigger = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * Request URL (a Template; must give an http or https URL once expanded).
 */
export type Template = string;
/**
 * Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{"cmd": {{package2.CMD}}, "preferredConType": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Template".
 */
export type Template1 = string;
/**
 * Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{"cmd": {{package2.CMD}}, "preferredConType": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.
 */
export type Template2 = string;
/**
 * Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{"cmd": {{package2.CMD}}, "preferredConType": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.
 */
export type Template3 = string;
/**
 * Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{"cmd": {{package2.CMD}}, "preferredConType": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.
 */
export type Template4 = string;
/**
 * Make the server send one DM command in its next Package#2 to the device. Input: {{command}} (name and parameters), {{params}}.
 */
export type Trigger1 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * Make the server answer the device's next package with exactly this Package#2. Input: {{package2}} ({"CMD": [[…]]}).
 */
export type Trigger2 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * TCP or UDP port number.
 */
export type Port3 = number;
/**
 * URL path, starting with `/`.
 */
export type UrlPath2 = string;
/**
 * How dmct delivers a Package#0 to the client (Appendix E), with the credentials for SHA256-DIGEST. Required when the client claims Package#0 (DM-PACK-002-C-O in implements); without it, sessions start by the clientInitiated trigger and a scenario that must send a Package#0 is inconclusive.
 */
export type ClientNotification = {
  $comment?: Comment;
  /**
   * `udp`: WAP connectionless push datagram (App E.1); `http`: POST of the bytes to a URL (App E.3); `shell`: a command that delivers the bytes ({{hex}} in the command, bytes also on stdin); `manual`: show the bytes as hex to an operator.
   */
  transport: "udp" | "http" | "shell" | "manual";
  /**
   * Server secret as UTF-8 text.
   */
  secret?: string;
  /**
   * Server secret as hex bytes.
   */
  secretHex?: string;
  /**
   * Auth data as UTF-8 text (DMAcc <x>/Auth/Noti/Data). Absent means none: the digest is then computed over the secret and the notification alone. `dmct claims init` writes the placeholder "change-me" here and in the secret, and `dmct scr check` reports each until it is replaced; write "" for a device that has no auth data.
   */
  authData?: string;
  /**
   * Auth data as hex bytes.
   */
  authDataHex?: string;
  udp?: UdpDelivery;
  http?: HttpDelivery;
  shell?: ShellDelivery;
  /**
   * How dmct writes the TIMESTAMP option: big-endian POSIX seconds in 4 or 8 bytes (the text gives no length; §5.2.1.2).
   */
  timestampEncoding?: "uint32" | "uint64";
};
/**
 * TCP or UDP port number.
 */
export type Port4 = number;
/**
 * Make the client open a session on its own (ClientInitiatedMgmt).
 */
export type Trigger3 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * Make the client open a client-initiated session (ClientInitiatedMgmt) with the DM server at {{serverUrl}} instead of the one its account names: dmct matrix points each client at its monitor in front of each server this way. Answer with `"sessionDone": true` once the session is over; otherwise dmct matrix judges the pair when its time is up.
 */
export type Trigger4 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * Make a local application of the client need an MO it has no instance of ({{moid}}), so that the client fetches it from the ServerURI a DEFAULT command named (section 5.3.10). Without it the DEFAULT scenarios are inconclusive.
 */
export type Trigger5 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * What to do (its input: HookInput).
 */
export type Trigger6 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * When the target is ready after a hook: `url` answers 2xx (polled), or the hook's shell command printed a line matching `line` (a long-running command: it is the target; dmct keeps it running and stops its process group at the next run of the same hook, at teardown, or when the worker ends). Not ready within `timeoutMs`: the hook failed.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Readiness".
 */
export type Readiness = Readiness1 & Readiness2;
export type Readiness1 =
  | {
      url: unknown;
    }
  | {
      line: unknown;
    };
/**
 * Text with placeholders `{{name}}` or `{{name.member}}` (a path into the trigger's input, TriggerInput: `{{options.serverId}}`, `{{package2.CMD}}`, `{{command.0}}`, `{{dmct.serverUrl}}`). Everywhere: {{devId}}, {{serverId}}, {{adminUrl}}, {{adminToken}} and {{dmct}} (dmct's own endpoints and credentials, DmctEndpoints); {{options}} in notify; {{command}} and {{params}} in queueCommand; {{package2}} in queuePackage2; {{moid}} in needMoid; {{serverUrl}} in sessionWith. Values are escaped for where they land, so they cannot change the structure around them: in a JSON body a placeholder standing alone is written as a JSON value (an object, array, number or string, never pasted text) and inside a string literal it is string-escaped, so a body such as `{"cmd": {{package2.CMD}}, "preferredConType": {{options.conTypes}}}` maps the target's own API shape; in a URL percent-encoded (except a placeholder that opens the URL, such as {{adminUrl}}, which must itself be an http(s) URL); in a header non-ASCII is percent-encoded; in a shell command each value is one literal word (placeholders are refused in a command using <<, $(, backticks, ${ or #; every value is also in the environment as DMCT_<PATH>, dots as underscores, e.g. DMCT_DEVID, DMCT_OPTIONS_SERVERID, DMCT_DMCT_SERVERURL, which such a command quotes itself); a prompt shows them as they are. A placeholder without a value (e.g. {{options.conTypes}} when the scenario asks for none) leaves its member or item out of a JSON body (where it stands alone as the value); anywhere else it makes the scenario inconclusive naming it.
 */
export type Template5 = string;
/**
 * Each id at most once (checked after the schema, in linear time).
 *
 * @maxItems 2000
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ItemIdList".
 */
export type ScrItemIdList2 = ScrItemId[];
/**
 * URL path, starting with `/`.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "UrlPath".
 */
export type UrlPath3 = string;
/**
 * How dmct makes the target act: an HTTP request to the target's test hooks, a shell command, a function of a JS/TS module, or a prompt to an operator (test fests). Its input is the trigger's documented object (TriggerInput), addressed by the templates' placeholders. A missing trigger makes the scenarios that need it inconclusive; so does a hook that answers it cannot honour what was asked (HTTP 422, or a JSON answer with `"unsupported": [names]`), naming what it cannot honour, never a fail of the target.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Trigger".
 */
export type Trigger7 = HttpTrigger | ShellTrigger | ModuleTrigger | ManualTrigger;
/**
 * The SHA256-DIGEST credentials of Package#0 (section 5.2.1.2: digest = SHA-256(secret ‖ notification ‖ auth-data)), as provisioned in DMAcc <x>/Auth/Noti/{Secret,Data}. Each value is given either as UTF-8 text or as hex, not both.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "NotificationCredentials".
 */
export type NotificationCredentials1 = NotificationCredentials2;
/**
 * A file path, relative to the claims file's folder unless absolute.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "FilePath".
 */
export type FilePath4 = string;
/**
 * How dmct delivers a Package#0 to the client (Appendix E), with the credentials for SHA256-DIGEST.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ClientNotification".
 */
export type ClientNotification1 = ClientNotification2;

/**
 * What is under test; copied into every report.
 */
export interface ImplementationInfo {
  $comment?: Comment;
  /**
   * Product name.
   */
  name: string;
  /**
   * Who makes it.
   */
  vendor: string;
  /**
   * Version or build under test.
   */
  version: string;
}
/**
 * IXIT: how long dmct waits, in milliseconds. The protocol defines no timeouts between packages (section 5.1.1); these only bound a test run.
 */
export interface IxitTimeouts {
  $comment?: Comment;
  /**
   * Wait for the target's answer to one HTTP request (a Package#2 from a server target; an HTTP response of an endpoint).
   */
  responseMs?: number;
  /**
   * Wait for a client target to open a session (Package#1) after a notification or a trigger, and for its next package within a session.
   */
  sessionMs?: number;
  /**
   * How long to watch before judging that no session (or no further package) came, e.g. after a notification that must be dropped or after END.
   */
  noSessionWaitMs?: number;
  /**
   * Wait for an operator to carry out a manual trigger.
   */
  operatorMs?: number;
  /**
   * Time limit of one HTTP, shell or module trigger or hook (the request answered, the command exited, the function settled); past it the scenario is inconclusive. A hook's readiness probe has its own limit (`ready.timeoutMs`).
   */
  triggerMs?: number;
}
/**
 * IXIT: bounds dmct applies to whatever the target sends.
 */
export interface IxitLimits {
  $comment?: Comment;
  /**
   * Largest HTTP body or datagram dmct accepts from the target; larger ones are cut off and recorded as truncated.
   */
  maxBodyBytes?: number;
  /**
   * Deepest JSON nesting dmct parses from the target; a deeper body is refused unparsed and the exchange's item fails naming this limit.
   */
  maxJsonDepth?: number;
  /**
   * Most commands dmct executes from one Package#2; a longer one is refused unexecuted and the Package#2 item fails naming this limit.
   */
  maxCommands?: number;
}
/**
 * IXIT: where dmct's own endpoints (DM server, notification sink, data repository, web server) listen and how the target reaches them.
 */
export interface IxitNetwork {
  $comment?: Comment;
  /**
   * Address dmct's endpoints bind to. Loopback by default; use 0.0.0.0 only for a target on another machine.
   */
  bindHost?: string;
  /**
   * Host name or address the target uses to reach dmct's endpoints (in URLs dmct hands out: ServerURIs of HGET, HPUT, CONT, SHOW…). Default: bindHost.
   */
  advertisedHost?: string;
  endpointsPort?: Port;
  /**
   * Egress policy: hosts (`host` or `host:port`) a server target may make dmct, playing the device, send requests to (HGET, HPUT, HPOST, SHOW, SUB, EXEC and CONT ServerURIs), besides the target's own host and port and dmct's own endpoints, which are always allowed; for a client target, hosts dmct may fetch the DDFs the client links from (6.4), besides the client's own hosts (its notification transport and admin API). A URL elsewhere is not fetched and the scenario ends inconclusive naming it. IP addresses are compared in normal form (decimal, hex and IPv4-mapped IPv6 forms count as the address); names only as written, never by what they resolve to.
   *
   * @maxItems 256
   */
  allowHosts?: string[];
}
/**
 * IXIT: TLS (section 9.2.2). Server role: how dmct, playing the device, reaches an https:// target (trust, its own certificate or PSK) and what the target claims to negotiate. Client role: the certificate dmct's DM endpoint (and repository and web pages) presents over TLS, by default one from a CA dmct makes afresh for each run, and what the device claims. Without this block dmct trusts only the system's CAs and serves plain HTTP.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "IxitTls".
 */
export interface IxitTls {
  $comment?: Comment;
  caFile?: FilePath;
  certFile?: FilePath1;
  keyFile?: FilePath2;
  caOutFile?: FilePath3;
  /**
   * The implementation uses DM over TLS only. Informative: a client's refusal of a plain-HTTP DM server is checked whenever this block is given (section 9.2.2), and nothing in section 9.2 obliges a server to refuse plain HTTP, so no server is judged on it.
   */
  only?: boolean;
  psk?: TlsPsk;
  /**
   * TLS versions the implementation claims (section 9.2.2: TLS 1.1 SHALL, 1.0 and 1.2 SHOULD). dmct offers only these (at most TLS 1.2) and checks each is negotiated. Default: all three.
   *
   * @minItems 1
   */
  versions?: ["TLSv1" | "TLSv1.1" | "TLSv1.2", ...("TLSv1" | "TLSv1.1" | "TLSv1.2")[]];
  /**
   * Cipher suites of section 9.2.2 the implementation claims (IANA names). Default: the X.509 suites for certificate mode, the PSK suites with psk. Client role: the embedded reference client offers only these of section 9.2.2 and no suite that authenticates the server otherwise (an RSA-only device, say); dmct's endpoints serve an ECDSA and an RSA certificate whatever is claimed.
   *
   * @minItems 1
   */
  cipherSuites?: [
    (
      | "TLS_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
      | "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"
      | "TLS_RSA_WITH_AES_128_GCM_SHA256"
      | "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
      | "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"
      | "TLS_RSA_WITH_AES_128_CBC_SHA256"
    ),
    ...(
      | "TLS_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256"
      | "TLS_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256"
      | "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
      | "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"
      | "TLS_RSA_WITH_AES_128_GCM_SHA256"
      | "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
      | "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"
      | "TLS_RSA_WITH_AES_128_CBC_SHA256"
    )[]
  ];
  /**
   * Server role: the key types of the certificates the target server is configured with for the test (section 9.2.2: the ECDHE_ECDSA suites need an ECDSA certificate; the RSA, DHE_RSA and RSA_PSK suites an RSA one). A suite whose key type is not listed is not probed, and the item requiring every suite is inconclusive (precondition not met), never passed or failed. Default: both.
   *
   * @minItems 1
   */
  serverKeyTypes?: ["ecdsa" | "rsa", ...("ecdsa" | "rsa")[]];
}
/**
 * PSK-TLS (section 9.2.2; DMAcc AppAuth PSK, section 12.2.1.1): the identity and key dmct uses.
 */
export interface TlsPsk {
  $comment?: Comment;
  /**
   * PSK identity (UTF-8).
   */
  identity: string;
  keyHex: Secret;
}
/**
 * IXIT: HTTP authentication (section 9.2.1: Basic and Digest, RFC 2617). `send`: the credentials dmct sends as the device (server role). `expect`: the credentials dmct's DM endpoint demands of the device (client role). Without this block no HTTP authentication is used or judged.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "IxitHttpAuth".
 */
export interface IxitHttpAuth {
  $comment?: Comment;
  send?: HttpAuthSend;
  expect?: HttpAuthExpect;
}
/**
 * Server role: the device's credentials at the server. dmct sends Basic at once (or, with scheme digest, nothing until the first challenge) and answers a 401 challenge with Basic or Digest.
 */
export interface HttpAuthSend {
  $comment?: Comment;
  username: string;
  password: Secret1;
  /**
   * What dmct sends unasked: `basic` credentials at once, `digest` only in answer to a challenge.
   */
  scheme?: "basic" | "digest";
}
/**
 * Client role: the credentials dmct's DM endpoint expects of the device; a request without them is challenged with 401.
 */
export interface HttpAuthExpect {
  $comment?: Comment;
  username: string;
  password: Secret1;
  /**
   * The schemes the device claims; dmct challenges with each in turn.
   *
   * @minItems 1
   */
  schemes?: ["basic" | "digest", ...("basic" | "digest")[]];
  /**
   * Realm of dmct's challenges.
   */
  realm?: string;
}
/**
 * IXIT for a server target: dmct plays the DM client (the device).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ServerIxit".
 */
export interface ServerIxit {
  $comment?: Comment;
  /**
   * The server's DM endpoint, which receives Package#1 (DMAcc <x>/SrvURI).
   */
  url: string;
  device: DeviceIdentity;
  notificationSink?: NotificationSink;
  triggers?: ServerTriggers;
}
/**
 * The device dmct pretends to be, as the server knows it.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "DeviceIdentity".
 */
export interface DeviceIdentity {
  $comment?: Comment;
  /**
   * DevInfo DevID, sent as the OMADM-DevID header (section 5.2.2).
   */
  devId: string;
  /**
   * The server's SrvID (DMAcc <x>/SrvID) as it puts it in the SERVER-ID option of Package#0.
   */
  serverId: string;
  notification: NotificationCredentials;
  basicAuth?: BasicAuth;
  moids?: StandardMoids;
}
/**
 * HTTP Basic credentials (section 9.2.1); the DMAcc MO has no node for them, so they come from the IXIT.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "BasicAuth".
 */
export interface BasicAuth {
  $comment?: Comment;
  username: string;
  password: string;
}
/**
 * MOIDs of the standard MOs as the implementation spells them. The approved text disagrees with its own examples (devinfo 1.2 vs 1.0, dmacc 1.2 vs 2.0); the defaults follow the MO definitions of section 12.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Moids".
 */
export interface StandardMoids {
  $comment?: Comment;
  /**
   * DevInfo MO (section 12.1).
   */
  devInfo?: string;
  /**
   * DM Account MO (section 12.2).
   */
  dmAcc?: string;
  /**
   * Delegation Access Control MO (section 12.3).
   */
  dacmo?: string;
  /**
   * Session Information MO (section 12.4).
   */
  sessionInfo?: string;
}
/**
 * Where dmct listens for the server's Package#0 (Appendix E). Configure the server to send the device's notifications there. Without any sink the notification scenarios are inconclusive.
 */
export interface NotificationSink {
  $comment?: Comment;
  udp?: UdpSink;
  http?: HttpSink;
  gcm?: GcmSink;
}
/**
 * Connectionless WAP Push over UDP (App E.1).
 */
export interface UdpSink {
  $comment?: Comment;
  port?: Port1;
}
/**
 * An HTTP endpoint that receives the notification bytes in a POST body (an "other" transport, App E.3).
 */
export interface HttpSink {
  $comment?: Comment;
  port: Port2;
  path?: UrlPath;
}
/**
 * A stand-in for the GCM push service (App E.2): receives the server's GCM send request, notification bytes base64 in the data key "SMS".
 */
export interface GcmSink {
  $comment?: Comment;
  port: Port2;
  path?: UrlPath1;
}
/**
 * How dmct makes the server act for the device.
 */
export interface ServerTriggers {
  $comment?: Comment;
  notify?: Trigger;
  queueCommand?: Trigger1;
  queuePackage2?: Trigger2;
}
/**
 * Sends one HTTP request; any 2xx answer counts as done (a JSON answer with `"unsupported": [names]` means cannot honour, with `"sessionDone": true` that the session the trigger caused is over). HTTP 422 means cannot honour; any other answer makes the scenario inconclusive, quoting the answer.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "HttpTrigger".
 */
export interface HttpTrigger {
  $comment?: Comment;
  /**
   * Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt).
   */
  kind: "http";
  /**
   * HTTP method.
   */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: Template;
  /**
   * Extra request headers.
   */
  headers?: {
    [k: string]: Template1 | undefined;
  };
  body?: Template2;
}
/**
 * Runs a command with /bin/sh within timeouts.triggerMs; exit code 0 counts as done (standard output read as a JSON answer as for an HTTP trigger: `unsupported`, `sessionDone`).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ShellTrigger".
 */
export interface ShellTrigger {
  $comment?: Comment;
  /**
   * Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt).
   */
  kind: "shell";
  command: Template3;
}
/**
 * Calls one exported async function of a JavaScript or TypeScript module named in the claims, for an API that needs logic. The function gets the trigger's input (TriggerInput: the same values as the placeholders) and `{ signal }` (aborted at timeouts.triggerMs); what it returns is the answer (`{ "unsupported": [...] }`: cannot honour; `{ "sessionDone": true }`: the session is over); a throw makes the scenario inconclusive with its message. dmct runs the module because the claims name it.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ModuleTrigger".
 */
export interface ModuleTrigger {
  $comment?: Comment;
  /**
   * Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt).
   */
  kind: "module";
  /**
   * Path of the module, relative to the claims file (or absolute): an ES module, .mjs (JavaScript) or .mts (TypeScript; also .js and .ts inside a package with "type": "module").
   */
  module: string;
  /**
   * Name of the exported function; default: the trigger's name (notify, queueCommand, reset…).
   */
  export?: string;
}
/**
 * Shows a prompt and waits up to timeouts.operatorMs for the operator to confirm.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ManualTrigger".
 */
export interface ManualTrigger {
  $comment?: Comment;
  /**
   * Trigger kind: `http` (an HTTP request), `shell` (a command), `module` (a function of a module) or `manual` (an operator prompt).
   */
  kind: "manual";
  prompt: Template4;
}
/**
 * IXIT for a client target: dmct plays the DM server.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ClientIxit".
 */
export interface ClientIxit {
  $comment?: Comment;
  /**
   * The OMADM-DevID the client sends (its DevInfo DevID, section 5.2.2).
   */
  devId: string;
  /**
   * The SrvID of the DM account the client holds for dmct; dmct sends it as SERVER-ID.
   */
  serverId: string;
  dmEndpoint: DmEndpoint;
  notification?: ClientNotification;
  clientInitiated?: Trigger3;
  sessionWith?: Trigger4;
  needMoid?: Trigger5;
  /**
   * IXIT: the connections the device under test can call back over in the test set-up (PREFERRED-CON-TYPE values, section 5.2.1.2). With it, a call-back over another bearer than the preferred, available one is reported as a non-strict finding (the text says SHOULD); without it, the bearer in use is recorded but not judged.
   *
   * @minItems 1
   */
  bearers?: ["CELLULAR" | "WLAN" | "WIRELINE", ...("CELLULAR" | "WLAN" | "WIRELINE")[]];
  nodes: ClientNodes;
  moids?: StandardMoids;
  serverUriValues?: ServerUriValues;
}
/**
 * Where dmct's DM server listens. Configure the client's DM account (SrvURI) with http://<advertisedHost>:<port><path>.
 */
export interface DmEndpoint {
  $comment?: Comment;
  port?: Port3;
  path?: UrlPath2;
}
/**
 * Used when transport is `udp`: where the client listens for WAP push datagrams.
 */
export interface UdpDelivery {
  $comment?: Comment;
  /**
   * The client's address.
   */
  host?: string;
  port?: Port4;
}
/**
 * Required when transport is `http`.
 */
export interface HttpDelivery {
  $comment?: Comment;
  /**
   * URL the notification bytes are POSTed to (application/vnd.syncml.dm.notification).
   */
  url: string;
}
/**
 * Required when transport is `shell`.
 */
export interface ShellDelivery {
  $comment?: Comment;
  /**
   * Run with /bin/sh within timeouts.triggerMs; the notification bytes go to its standard input, and {{hex}} (the bytes as hex), {{base64}}, {{file}} (a temporary file holding them) and {{devId}} are replaced, each as one literal word; the same values are in the environment as DMCT_HEX, DMCT_BASE64, DMCT_FILE and DMCT_DEVID. Placeholders are refused in a command using <<, $(, backticks, ${ or # (use the variables there).
   */
  command: string;
}
/**
 * Nodes of the client's management tree the scenarios work on, as ClientURIs (section 6.1).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ClientNodes".
 */
export interface ClientNodes {
  $comment?: Comment;
  /**
   * A leaf with a value that dmct may read (GET, HPUT, HPOST).
   */
  readableLeaf: string;
  /**
   * A leaf without content (GET answers 204).
   */
  emptyLeaf: string;
  /**
   * A node dmct may try, and must fail, to delete (DELETE answers 405).
   */
  permanentNode: string;
  /**
   * An MOID whose instances dmct may create with HGET and delete again.
   */
  deletableMoid: string;
  /**
   * An executable node (EXEC); it must do nothing harmful.
   */
  executable: string;
  /**
   * An executable node that reports asynchronously (202, then a Generic Alert, section 5.4.1). Default: executable.
   */
  asyncExecutable?: string;
  /**
   * A readable leaf whose value changes each time `executable` runs (e.g. a run counter); dmct reads it before and after an EXEC to see that the node was executed (section 5.3.5). Without it only the EXEC status is checked.
   */
  executableEffect?: string;
}
/**
 * IXIT: the values the device under test puts for the ServerURI placeholders besides [DevID] (section 6.2), as they are before URI-encoding; `-1` where it has none (no mobile network, no service provider name). With a value, the placeholder scenarios compare the substituted text with it; without it, they only check that the placeholder was replaced by a value of the right form.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ServerUriValues".
 */
export interface ServerUriValues {
  $comment?: Comment;
  /**
   * Home network MNC (3GPP TS 23.003), or -1.
   */
  MNC?: string;
  /**
   * Home network MCC (3GPP TS 23.003), or -1.
   */
  MCC?: string;
  /**
   * MNC of the network the device is on, or -1.
   */
  CMNC?: string;
  /**
   * MCC of the network the device is on, or -1.
   */
  CMCC?: string;
  /**
   * Service provider name (3GPP TS 31.102), or -1.
   */
  SPName?: string;
}
/**
 * Hooks that prepare the target, each a trigger with an optional readiness probe: `setup` once before the first scenario (per test worker; an external target runs with one worker), `reset` before each scenario (clears what the previous one left: queued commands, notification ids, tree contents; restarts a target that serves one session per process), `teardown` after the last scenario. A setup or reset that fails, or whose target is not ready in time, makes the scenarios inconclusive naming it. A target with a setup hook is not reached before it runs (the hook's readiness probe takes the place of the pre-flight).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Hooks".
 */
export interface Hooks {
  $comment?: Comment;
  setup?: Hook;
  reset?: Hook;
  teardown?: Hook;
}
/**
 * A trigger run at a fixed point of the run, and how dmct knows the target is ready after it.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "Hook".
 */
export interface Hook {
  $comment?: Comment;
  run: Trigger6;
  ready?: Readiness;
}
export interface Readiness2 {
  $comment?: Comment;
  url?: Template5;
  /**
   * A regular expression matched against each line the hook's shell command prints (stdout or stderr).
   */
  line?: string;
  /**
   * Longest wait for readiness.
   */
  timeoutMs?: number;
}
/**
 * The documented input of a trigger or hook: the values its placeholders address, and the argument of a module trigger's function. Which members a trigger gets is said at each; every one gets devId, serverId, adminUrl, adminToken (when set) and dmct.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "TriggerInput".
 */
export interface TriggerInput {
  /**
   * The device's DevID (server.device.devId or client.devId).
   */
  devId?: string;
  /**
   * The server's SrvID (server.device.serverId or client.serverId).
   */
  serverId?: string;
  /**
   * The claims' adminUrl, as given (with its path prefix, without a trailing slash).
   */
  adminUrl?: string;
  /**
   * The claims' adminToken.
   */
  adminToken?: string;
  dmct?: DmctEndpoints;
  options?: NotifyOptions;
  /**
   * queueCommand: the DM command as a Package#2 CMD entry: its name, then its parameters (section 7.2.1.2).
   */
  command?: string[];
  /**
   * queueCommand: the command's parameters alone (command without its name).
   */
  params?: string[];
  /**
   * queuePackage2: the whole Package#2 the server is to answer with (section 7.2.1.2); its CMD member is the list of commands.
   */
  package2?: Package2;
  /**
   * needMoid: the MOID a local application of the client is to need (section 5.3.10).
   */
  moid?: string;
  /**
   * sessionWith: the URL of the DM server the client is to open its session with (dmct matrix: its monitor's).
   */
  serverUrl?: string;
}
/**
 * {{dmct.…}}: where dmct's own endpoints listen as the target must reach them (network.advertisedHost), and the credentials the claims give, so that nothing is written twice. A member is present once dmct knows it (endpoints opened on port 0 are known once started: before reset and each trigger, not before setup).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "DmctEndpoints".
 */
export interface DmctEndpoints {
  /**
   * The role of the target.
   */
  role?: "server" | "client";
  /**
   * network.advertisedHost (default bindHost).
   */
  host?: string;
  /**
   * Client target: dmct's DM server URL, which the client's DM account (DMAcc SrvURI) must name.
   */
  serverUrl?: string;
  /**
   * dmct's data repository (base URL).
   */
  repositoryUrl?: string;
  /**
   * dmct's web server (base URL).
   */
  webUrl?: string;
  /**
   * Server target: where dmct listens for Package#0 (server.notificationSink).
   */
  notificationSink?: {
    /**
     * Host of the UDP (WAP Push) sink.
     */
    udpHost?: string;
    /**
     * Port of the UDP sink (the real one when configured as 0).
     */
    udpPort?: number;
    /**
     * URL of the HTTP sink.
     */
    httpUrl?: string;
    /**
     * URL of the GCM stand-in.
     */
    gcmUrl?: string;
  };
  /**
   * The notification credentials (DMAcc Auth/Noti Secret and Data, as text or hex as the claims give them) and, for a server target, the device's HTTP Basic credentials.
   */
  credentials?: {
    secret?: string;
    secretHex?: string;
    authData?: string;
    authDataHex?: string;
    username?: string;
    password?: string;
  };
}
/**
 * notify: the Package#0 options a scenario wants (section 5.2.1.2). A member left out means "as the server likes"; only the members a scenario cares about are present. In a JSON body, a member or item whose placeholder has no value is left out; elsewhere (a URL, a header, a command, inside a JSON string) a missing value makes the scenario inconclusive naming it. A hook that cannot apply a member answers that it cannot honour it.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "NotifyOptions".
 */
export interface NotifyOptions {
  /**
   * SERVER-ID to send; null: leave the option out.
   */
  serverId?: string | null;
  /**
   * PREFERRED-CON-TYPE values, highest priority first (0 ANY_AVAILABLE, 1 CELLULAR, 2 WLAN, 3 WIRELINE).
   */
  conTypes?: number[];
  /**
   * NOTIFICATION-ID to send; null: leave it out.
   */
  notificationId?: number | null;
  /**
   * TIMESTAMP in POSIX seconds or "now"; null: leave it out.
   */
  timestamp?: number | "now" | null;
  /**
   * Send REQ-MOS.
   */
  reqMos?: boolean;
  /**
   * Send SHA256-DIGEST (computed with the device's provisioned secret).
   */
  digest?: boolean;
}
export interface NotificationCredentials2 {
  $comment?: Comment;
  /**
   * Server secret as UTF-8 text.
   */
  secret?: string;
  /**
   * Server secret as hex bytes.
   */
  secretHex?: string;
  /**
   * Auth data as UTF-8 text (DMAcc <x>/Auth/Noti/Data). Absent means none: the digest is then computed over the secret and the notification alone. `dmct claims init` writes the placeholder "change-me" here and in the secret, and `dmct scr check` reports each until it is replaced; write "" for a device that has no auth data.
   */
  authData?: string;
  /**
   * Auth data as hex bytes.
   */
  authDataHex?: string;
}
/**
 * Where dmct listens for the server's Package#0 (Appendix E). Configure the server to send the device's notifications there. Without any sink the notification scenarios are inconclusive.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "NotificationSink".
 */
export interface NotificationSink1 {
  $comment?: Comment;
  udp?: UdpSink;
  http?: HttpSink;
  gcm?: GcmSink;
}
/**
 * How dmct makes the server act for the device.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "ServerTriggers".
 */
export interface ServerTriggers1 {
  $comment?: Comment;
  notify?: Trigger;
  queueCommand?: Trigger1;
  queuePackage2?: Trigger2;
}
export interface ClientNotification2 {
  $comment?: Comment;
  /**
   * `udp`: WAP connectionless push datagram (App E.1); `http`: POST of the bytes to a URL (App E.3); `shell`: a command that delivers the bytes ({{hex}} in the command, bytes also on stdin); `manual`: show the bytes as hex to an operator.
   */
  transport: "udp" | "http" | "shell" | "manual";
  /**
   * Server secret as UTF-8 text.
   */
  secret?: string;
  /**
   * Server secret as hex bytes.
   */
  secretHex?: string;
  /**
   * Auth data as UTF-8 text (DMAcc <x>/Auth/Noti/Data). Absent means none: the digest is then computed over the secret and the notification alone. `dmct claims init` writes the placeholder "change-me" here and in the secret, and `dmct scr check` reports each until it is replaced; write "" for a device that has no auth data.
   */
  authData?: string;
  /**
   * Auth data as hex bytes.
   */
  authDataHex?: string;
  udp?: UdpDelivery;
  http?: HttpDelivery;
  shell?: ShellDelivery;
  /**
   * How dmct writes the TIMESTAMP option: big-endian POSIX seconds in 4 or 8 bytes (the text gives no length; §5.2.1.2).
   */
  timestampEncoding?: "uint32" | "uint64";
}
