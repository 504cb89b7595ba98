namespace HiBobAdmin.Tests.Port;

/// <summary>
/// Request-body schemas copied from Port's OpenAPI (/work/shared/reference/port-openapi.yaml, synced 2026-01-26):
/// the <c>requestBody</c> of <c>POST /v1/blueprints/{blueprint_identifier}/entities/bulk</c> and of
/// <c>POST /v1/blueprints/{blueprint_identifier}/entities/search</c>, with the <c>components/schemas</c> they refer
/// to moved under <c>$defs</c>. Descriptions, titles, examples and defaults were dropped; every constraint is kept.
/// Kept as raw strings because the test project cannot gain content files without a csproj change.
/// </summary>
internal static class PortSchemas
{
    /// <summary>The entity identifier rule of every entity route (also the rule for relation values).</summary>
    public const string EntityIdentifier = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://hibobadmin.test/port/entity-identifier",
          "type": "string",
          "pattern": "^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$",
          "maxLength": 1000
        }
        """;

    /// <summary><c>POST /v1/blueprints/{bp}/entities/bulk</c> request body.</summary>
    public const string BulkBody = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://hibobadmin.test/port/bulk-body",
          "type": "object",
          "properties": {
            "entities": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "identifier": {
                    "oneOf": [
                      {"type": ["string"], "pattern": "^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$", "maxLength": 1000},
                      {"$ref": "#/$defs/def-5"}
                    ]
                  },
                  "title": {"type": "string"},
                  "icon": {"type": "string"},
                  "team": {
                    "oneOf": [
                      {"type": "string"},
                      {"type": "array", "items": {"type": "string"}},
                      {"$ref": "#/$defs/def-6"}
                    ]
                  },
                  "properties": {"type": "object"},
                  "relations": {
                    "type": "object",
                    "additionalProperties": {
                      "anyOf": [
                        {"type": "string", "pattern": "^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$", "maxLength": 1000},
                        {
                          "type": "array",
                          "items": {"type": "string", "pattern": "^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$"}
                        },
                        {"type": "null"},
                        {"$ref": "#/$defs/def-6"}
                      ]
                    }
                  }
                },
                "additionalProperties": true
              },
              "minItems": 1,
              "maxItems": 20
            }
          },
          "required": ["entities"],
          "additionalProperties": false,
          "$defs": {
            "def-5": {
              "type": "object",
              "properties": {
                "combinator": {"enum": ["and", "or"]},
                "rules": {
                  "type": "array",
                  "items": {
                    "anyOf": [
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["="]},
                          "value": {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["in", "containsAny"]},
                          "value": {"type": "array", "items": {"type": "string"}}
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["contains"]},
                          "value": {
                            "anyOf": [
                              {"type": "string"},
                              {"type": "array", "items": {"type": "string"}},
                              {"type": "null"}
                            ]
                          }
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {"$ref": "#/$defs/def-5"}
                    ]
                  }
                }
              },
              "required": ["combinator", "rules"],
              "additionalProperties": false
            },
            "def-6": {
              "type": "object",
              "properties": {
                "combinator": {"enum": ["and", "or"]},
                "rules": {
                  "type": "array",
                  "items": {
                    "anyOf": [
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["="]},
                          "value": {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["in", "containsAny"]},
                          "value": {"type": "array", "items": {"type": "string"}}
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "property": {"type": "string"},
                          "operator": {"enum": ["contains"]},
                          "value": {
                            "anyOf": [
                              {"type": "string"},
                              {"type": "array", "items": {"type": "string"}},
                              {"type": "null"}
                            ]
                          }
                        },
                        "additionalProperties": false,
                        "required": ["property", "operator", "value"]
                      },
                      {"$ref": "#/$defs/def-6"}
                    ]
                  }
                }
              },
              "required": ["combinator", "rules"],
              "additionalProperties": false
            }
          }
        }
        """;

    /// <summary><c>POST /v1/blueprints/{bp}/entities/search</c> request body (query rules are <c>def-7</c>).</summary>
    public const string SearchBody = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://hibobadmin.test/port/search-body",
          "type": "object",
          "properties": {
            "query": {"$ref": "#/$defs/def-7"},
            "include": {"type": "array", "items": {"type": "string"}},
            "exclude": {"type": "array", "items": {"type": "string"}},
            "limit": {"type": "number", "minimum": 1, "maximum": 1000},
            "from": {"type": "string"}
          },
          "additionalProperties": false,
          "$defs": {
            "def-7": {
              "type": "object",
              "properties": {
                "combinator": {"enum": ["and", "or"]},
                "rules": {
                  "type": "array",
                  "items": {
                    "anyOf": [
                      {
                        "type": "object",
                        "properties": {
                          "property": {
                            "oneOf": [
                              {"type": "string"},
                              {
                                "type": "object",
                                "properties": {
                                  "property": {"type": "string"},
                                  "context": {"type": "string", "enum": ["user", "userTeams"]}
                                },
                                "required": ["property", "context"]
                              }
                            ]
                          },
                          "operator": {"enum": ["between", "notBetween", "="]},
                          "value": {
                            "type": "object",
                            "oneOf": [
                              {
                                "type": "object",
                                "properties": {
                                  "from": {"type": "string", "format": "date-time"},
                                  "to": {"type": "string", "format": "date-time"}
                                },
                                "required": ["from", "to"]
                              },
                              {
                                "type": "object",
                                "properties": {
                                  "preset": {
                                    "type": "string",
                                    "enum": [
                                      "today",
                                      "tomorrow",
                                      "yesterday",
                                      "lastDay",
                                      "lastWeek",
                                      "last2Weeks",
                                      "lastMonth",
                                      "last3Months",
                                      "last6Months",
                                      "last12Months"
                                    ]
                                  }
                                },
                                "required": ["preset"]
                              },
                              {
                                "type": "object",
                                "properties": {
                                  "property": {"type": "string"},
                                  "context": {"type": "string", "enum": ["user", "userTeams"]}
                                },
                                "required": ["property", "context"]
                              }
                            ]
                          }
                        },
                        "required": ["property", "operator", "value"],
                        "additionalProperties": false
                      },
                      {
                        "type": "object",
                        "oneOf": [
                          {
                            "properties": {
                              "operator": {"enum": ["isEmpty", "isNotEmpty"]},
                              "property": {"type": "string"}
                            },
                            "required": ["operator", "property"],
                            "additionalProperties": false
                          },
                          {
                            "properties": {
                              "operator": {"enum": ["isEmpty", "isNotEmpty"]},
                              "targetProperty": {"type": "string", "enum": ["$title", "$identifier"]},
                              "relation": {"type": "string"}
                            },
                            "required": ["operator", "relation"],
                            "additionalProperties": false
                          },
                          {
                            "properties": {
                              "operator": {"enum": ["isEmpty", "isNotEmpty"]},
                              "scorecardRule": {"type": "string"},
                              "scorecard": {"type": "string"}
                            },
                            "required": ["operator", "scorecard"],
                            "additionalProperties": false
                          }
                        ]
                      },
                      {
                        "type": "object",
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "operator": {"enum": ["isExpired", "isNotExpired"]},
                              "property": {"type": "string"}
                            },
                            "required": ["operator", "property"],
                            "additionalProperties": false
                          }
                        ]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "property": {
                            "oneOf": [
                              {"type": "string"},
                              {
                                "type": "object",
                                "properties": {
                                  "property": {"type": "string"},
                                  "context": {"type": "string", "enum": ["user", "userTeams"]}
                                },
                                "required": ["property", "context"]
                              }
                            ]
                          },
                          "operator": {"enum": [">", ">=", "<", "<="]},
                          "value": {
                            "anyOf": [
                              {"type": "number"},
                              {"type": "string", "format": "date-time"},
                              {
                                "type": "object",
                                "properties": {
                                  "property": {"type": "string"},
                                  "context": {"type": "string", "enum": ["user", "userTeams"]}
                                },
                                "required": ["property", "context"]
                              }
                            ]
                          }
                        },
                        "required": ["property", "operator", "value"],
                        "additionalProperties": false
                      },
                      {
                        "type": "object",
                        "oneOf": [
                          {
                            "type": "object",
                            "properties": {
                              "property": {
                                "oneOf": [
                                  {"type": "string"},
                                  {
                                    "type": "object",
                                    "properties": {
                                      "property": {"type": "string"},
                                      "context": {"type": "string", "enum": ["user", "userTeams"]}
                                    },
                                    "required": ["property", "context"]
                                  }
                                ]
                              },
                              "operator": {
                                "enum": [
                                  "=",
                                  "!=",
                                  "containsAny",
                                  "contains",
                                  "doesNotContains",
                                  "beginsWith",
                                  "doesNotBeginsWith",
                                  "endsWith",
                                  "doesNotEndsWith",
                                  "in",
                                  "notIn"
                                ]
                              },
                              "value": {
                                "anyOf": [
                                  {"type": "null"},
                                  {"type": "string"},
                                  {"type": "number"},
                                  {"type": "boolean"},
                                  {"type": "array", "items": {"type": "string"}},
                                  {"type": "string", "format": "date-time"},
                                  {
                                    "type": "object",
                                    "properties": {
                                      "property": {"type": "string"},
                                      "context": {"type": "string", "enum": ["user", "userTeams"]}
                                    },
                                    "required": ["property", "context"]
                                  }
                                ]
                              }
                            },
                            "additionalProperties": false,
                            "required": ["property", "operator", "value"]
                          },
                          {
                            "type": "object",
                            "properties": {
                              "relation": {"type": "string"},
                              "targetProperty": {"type": "string", "enum": ["$title", "$identifier"]},
                              "operator": {
                                "enum": [
                                  "=",
                                  "!=",
                                  "containsAny",
                                  "contains",
                                  "doesNotContains",
                                  "beginsWith",
                                  "doesNotBeginsWith",
                                  "endsWith",
                                  "doesNotEndsWith",
                                  "in",
                                  "notIn"
                                ]
                              },
                              "value": {
                                "anyOf": [
                                  {"type": "null"},
                                  {"type": "string"},
                                  {"type": "number"},
                                  {"type": "boolean"},
                                  {"type": "array", "items": {"type": "string"}},
                                  {"type": "string", "format": "date-time"}
                                ]
                              }
                            },
                            "additionalProperties": false,
                            "required": ["relation", "operator", "value"]
                          },
                          {
                            "type": "object",
                            "properties": {
                              "scorecard": {"type": "string"},
                              "scorecardRule": {"type": "string"},
                              "operator": {
                                "enum": [
                                  "=",
                                  "!=",
                                  "containsAny",
                                  "contains",
                                  "doesNotContains",
                                  "beginsWith",
                                  "doesNotBeginsWith",
                                  "endsWith",
                                  "doesNotEndsWith",
                                  "in",
                                  "notIn"
                                ]
                              },
                              "value": {
                                "anyOf": [
                                  {"type": "null"},
                                  {"type": "string"},
                                  {"type": "number"},
                                  {"type": "boolean"},
                                  {"type": "array", "items": {"type": "string"}},
                                  {"type": "string", "format": "date-time"}
                                ]
                              }
                            },
                            "additionalProperties": false,
                            "required": ["scorecard", "operator", "value"]
                          }
                        ]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "operator": {"enum": ["relatedTo"]},
                          "blueprint": {"type": "string"},
                          "value": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                          "direction": {"enum": ["upstream", "downstream"]},
                          "required": {"type": "boolean"}
                        },
                        "additionalProperties": false,
                        "required": ["operator", "value", "blueprint"]
                      },
                      {
                        "type": "object",
                        "properties": {
                          "propertySchema": {
                            "type": "object",
                            "properties": {
                              "type": {"type": "string"},
                              "format": {"type": "string"},
                              "items": {
                                "type": "object",
                                "properties": {"type": {"type": "string"}, "format": {"type": "string"}},
                                "required": ["type"]
                              }
                            },
                            "required": ["type"],
                            "additionalProperties": false
                          },
                          "operator": {"enum": ["=", "!=", "contains"]},
                          "value": {
                            "anyOf": [{"type": "null"}, {"type": "string"}, {"type": "number"}, {"type": "boolean"}]
                          }
                        },
                        "required": ["operator", "propertySchema"],
                        "additionalProperties": false
                      },
                      {
                        "type": "object",
                        "anyOf": [
                          {
                            "type": "object",
                            "properties": {
                              "property": {
                                "oneOf": [
                                  {
                                    "type": "object",
                                    "properties": {
                                      "path": {
                                        "type": "array",
                                        "items": {
                                          "anyOf": [
                                            {"type": "string"},
                                            {
                                              "type": "object",
                                              "properties": {
                                                "relation": {"type": "string"},
                                                "maxHops": {"type": "number", "minimum": 1, "maximum": 15}
                                              }
                                            }
                                          ]
                                        }
                                      },
                                      "fromBlueprint": {"type": "string"}
                                    },
                                    "required": ["path"],
                                    "additionalProperties": false
                                  },
                                  {
                                    "oneOf": [
                                      {"type": "string"},
                                      {
                                        "type": "object",
                                        "properties": {
                                          "property": {"type": "string"},
                                          "context": {"type": "string", "enum": ["user", "userTeams"]}
                                        },
                                        "required": ["property", "context"]
                                      }
                                    ]
                                  }
                                ]
                              },
                              "operator": {"type": "string", "enum": ["matchAny"]},
                              "value": {
                                "anyOf": [
                                  {"type": "array", "items": {"type": "string"}},
                                  {
                                    "oneOf": [
                                      {"type": "string"},
                                      {
                                        "type": "object",
                                        "properties": {
                                          "property": {"type": "string"},
                                          "context": {"type": "string", "enum": ["user", "userTeams"]}
                                        },
                                        "required": ["property", "context"]
                                      }
                                    ]
                                  }
                                ]
                              }
                            },
                            "required": ["property", "operator", "value"],
                            "additionalProperties": false
                          }
                        ]
                      },
                      {"$ref": "#/$defs/def-7"}
                    ]
                  }
                }
              },
              "required": ["combinator", "rules"],
              "additionalProperties": false
            }
          }
        }
        """;
}
