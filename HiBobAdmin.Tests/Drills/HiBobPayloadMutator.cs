using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.HiBob;
using HiBobAdmin.Sandbox;

// The generator only has to be reproducible from its seed; nothing here is a security decision.
#pragma warning disable CA5394

namespace HiBobAdmin.Tests.Drills;

/// <summary>
/// One mutated employee record: its position in the search answer, the JSON HiBob sends, the id it carries when the
/// generator left it usable (a 19-digit string, padded or as a JSON number; or a deliberate repeat of an earlier
/// id), and what was done to it, for failure messages.
/// </summary>
internal sealed record MutatedEmployee(int Position, JsonNode? Json, string? UsableId, IReadOnlyList<string> Mutations)
{
    /// <summary>The record as JSON text, exactly as HiBob sends it.</summary>
    public string Wire { get; } = HiBobPayloadMutator.ToWire(Json);

    public override string ToString() =>
        $"employees[{Position}] ({UsableId ?? "no usable id"}): {string.Join("; ", Mutations)}";
}

/// <summary>
/// Takes realistic employee records (the sandbox seeder's people, written as the sandbox serves them: nested and
/// slash forms side by side) and mutates most of them: wrong JSON types, nulls, blanks, hostile unicode, strings of
/// 10k–100k characters, missing keys (the id and email included), repeated ids, emails repeated in another case,
/// dates in wrong formats, and the <c>work</c>/<c>internal</c> objects replaced or emptied. A fixed seed gives the
/// same records every time.
/// </summary>
internal sealed class HiBobPayloadMutator
{
    // JsonNode cannot carry half a surrogate pair (writing it throws), so the records hold this marker and
    // Wire turns it into the escape a JSON encoder on HiBob's side would write.
    private const string HalfSurrogate = "~~half-surrogate~~";

    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] StringFields =
    [
        HiBobFields.Email, HiBobFields.FirstName, HiBobFields.Surname, HiBobFields.DisplayName, HiBobFields.FullName,
        HiBobFields.AvatarUrl, HiBobFields.CoverImageUrl, HiBobFields.CreationDateTime, HiBobFields.Department,
        HiBobFields.Title, HiBobFields.Status, HiBobFields.LifecycleStatus, HiBobFields.TerminationDate,
    ];

    private static readonly string[] Unicode =
    [
        "\u202Eevil\u202C",          // right-to-left override
        "\u05E9\u05DC\u05D5\u05DD",  // Hebrew, written right to left
        "Zoe\u0308\u0301\u0327",     // stacked combining marks
        "\U0001F469\u200D\U0001F4BB\U0001F3F3\uFE0F\u200D\U0001F308", // emoji joined by zero-width joiners
        "\u200B\u200C\uFEFF",        // zero-width space, non-joiner, BOM
        "\0",                        // NUL
        "\uFF21\u212A",              // full-width A, Kelvin sign
        HalfSurrogate,               // half of a surrogate pair: valid JSON, not valid UTF-16
    ];

    private static readonly JsonNode?[] WrongDates =
    [
        "27/03/2024", "2024-13-45T99:99:99", "yesterday", 1711530741, "2024-03-27T09:12:21+25:00", "0000-00-00", "2024",
        "\u0662\u0660\u0662\u0664-\u0660\u0663-\u0662\u0667", // Arabic-Indic digits
    ];

    private readonly Random _random;
    private readonly List<MutatedEmployee> _done = [];

    private HiBobPayloadMutator(int seed) => _random = new Random(seed);

    /// <summary>The records in search order, <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<MutatedEmployee> Generate(int seed, int count)
    {
        var mutator = new HiBobPayloadMutator(seed);
        var originals = Originals(seed, count);
        for (var position = 0; position < count; position++)
        {
            mutator._done.Add(mutator.Mutate(position, originals[position % originals.Count], position >= originals.Count));
        }

        return mutator._done;
    }

    /// <summary>The seeded people as <c>POST /v1/people/search</c> returns them for the app's fields.</summary>
    private static List<JsonObject> Originals(int seed, int count)
    {
        var (people, _, _) = SandboxSeeder.Create(seed, count, AsOf);
        var writer = new HiBobEmployeeWriter(HiBobFields.Requested, [], HiBobHumanReadable.None);
        var records = new List<JsonObject>(people.Count);
        foreach (var employee in people.Snapshot())
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                writer.Write(json, employee);
            }

            records.Add(JsonNode.Parse(buffer.WrittenSpan)!.AsObject());
        }

        return records;
    }

    private MutatedEmployee Mutate(int position, JsonObject original, bool copy)
    {
        var record = original.DeepClone().AsObject();
        var id = record["id"]!.GetValue<string>();
        var mutations = new List<string>();
        if (copy)
        {
            // Past the seeded people: a fresh id so the copy is a person of its own.
            id = (4_000_000_000_000_000_000L + position).ToString(CultureInfo.InvariantCulture);
            SetField(record, HiBobFields.Id, id, Forms.Both);
        }

        // About one record in seven stays as HiBob sent it.
        var rounds = _random.NextDouble() < 0.15 ? 0 : _random.Next(1, 4);
        string? usableId = id;
        for (var round = 0; round < rounds; round++)
        {
            var roll = _random.Next(100);
            if (roll < 2)
            {
                JsonNode? replacement = _random.Next(4) switch
                {
                    0 => new JsonArray(record.DeepClone()),
                    1 => "employee",
                    2 => 42,
                    _ => null,
                };
                mutations.Add($"whole record replaced by {Kind(replacement)}");
                return new MutatedEmployee(position, replacement, null, mutations);
            }

            if (roll < 14)
            {
                usableId = MutateId(record, id, mutations);
                continue;
            }

            if (roll < 20 && _done.Count > 0)
            {
                var earlier = (_done[_random.Next(_done.Count)].Json as JsonObject)?["email"];
                if (earlier?.GetValueKind() == JsonValueKind.String && earlier.GetValue<string>() is { Length: < 200 } email)
                {
                    var recased = Recase(email);
                    SetField(record, HiBobFields.Email, recased, Forms.Both);
                    mutations.Add($"email repeats an earlier one as {recased}");
                    continue;
                }
            }

            if (roll < 28)
            {
                MutateCategory(record, mutations);
                continue;
            }

            if (roll < 34)
            {
                var field = _random.Next(2) == 0 ? HiBobFields.CreationDateTime : HiBobFields.TerminationDate;
                var date = WrongDates[_random.Next(WrongDates.Length)]?.DeepClone();
                SetField(record, field, date, Forms.Both);
                mutations.Add($"{field} = {date?.ToJsonString()}");
                continue;
            }

            MutateField(record, PickField(), mutations);
        }

        return new MutatedEmployee(position, record, usableId, mutations);
    }

    /// <summary>Changes root.id in both forms; returns the id the record still carries, or null when none is usable.</summary>
    private string? MutateId(JsonObject record, string id, List<string> mutations)
    {
        switch (_random.Next(10))
        {
            case 0:
                RemoveField(record, HiBobFields.Id, Forms.Both);
                mutations.Add("root.id missing");
                return null;
            case 1:
                SetField(record, HiBobFields.Id, null, Forms.Both);
                mutations.Add("root.id null");
                return null;
            case 2:
                SetField(record, HiBobFields.Id, _random.Next(2) == 0 ? "" : "   ", Forms.Both);
                mutations.Add("root.id blank");
                return null;
            case 3:
                JsonNode wrong = _random.Next(4) switch
                {
                    0 => new JsonArray(id),
                    1 => new JsonObject { ["id"] = id },
                    2 => true,
                    _ => JsonValue.Create(3.5e18),
                };
                SetField(record, HiBobFields.Id, wrong, Forms.Both);
                mutations.Add($"root.id = {wrong.ToJsonString()}");
                return null;
            case 4:
                var hostile = Unicode[_random.Next(Unicode.Length)];
                var cut = _random.Next(id.Length + 1);
                var spoiled = id[..cut] + hostile + id[cut..];
                SetField(record, HiBobFields.Id, spoiled, Forms.Both);
                mutations.Add($"root.id with {Escape(hostile)} inside");
                return null;
            case 5:
                SetField(record, HiBobFields.Id, id + LongText(), Forms.Both);
                mutations.Add("root.id very long");
                return null;
            case 6:
                SetField(record, HiBobFields.Id, $"  {id}\t", Forms.Both);
                mutations.Add("root.id padded with whitespace");
                return id;
            case 7:
                SetField(record, HiBobFields.Id, JsonNode.Parse(id), Forms.Both);
                mutations.Add("root.id as a JSON number");
                return id;
            default:
                var earlier = _done.LastOrDefault(e => e.UsableId is not null);
                if (earlier is null)
                {
                    return id;
                }

                SetField(record, HiBobFields.Id, earlier.UsableId, Forms.Both);
                mutations.Add($"root.id repeats employees[{earlier.Position}]");
                return earlier.UsableId;
        }
    }

    private void MutateField(JsonObject record, string field, List<string> mutations)
    {
        var forms = _random.Next(4) switch
        {
            0 => Forms.Nested,
            1 => Forms.Slash,
            _ => Forms.Both,
        };
        var current = Current(record, field);
        JsonNode? value;
        string what;
        switch (_random.Next(6))
        {
            case 0:
                value = WrongType(current);
                what = $"wrong type {Kind(value)}";
                break;
            case 1:
                value = null;
                what = "null";
                break;
            case 2:
                value = _random.Next(2) == 0 ? "" : " \t ";
                what = "blank";
                break;
            case 3:
                var hostile = Unicode[_random.Next(Unicode.Length)];
                var text = current?.GetValueKind() == JsonValueKind.String ? current.GetValue<string>() : "x";
                value = _random.Next(2) == 0 ? hostile + text : text + hostile;
                what = $"unicode {Escape(hostile)}";
                break;
            case 4:
                value = LongText();
                what = $"{value.GetValue<string>().Length} characters";
                break;
            default:
                RemoveField(record, field, forms);
                mutations.Add($"{field} missing ({forms})");
                return;
        }

        SetField(record, field, value, forms);
        mutations.Add($"{field} {what} ({forms})");
    }

    private void MutateCategory(JsonObject record, List<string> mutations)
    {
        var category = _random.Next(2) == 0 ? "work" : "internal";
        JsonNode? replacement = _random.Next(5) switch
        {
            0 => "Engineering",
            1 => new JsonArray(),
            2 => null,
            3 => 7,
            _ => new JsonObject(),
        };
        record[category] = replacement;
        var alsoSlash = _random.Next(2) == 0;
        if (alsoSlash)
        {
            foreach (var key in record.Select(p => p.Key).Where(k => k.StartsWith($"/{category}/", StringComparison.Ordinal)).ToList())
            {
                record.Remove(key);
            }
        }

        mutations.Add($"{category} replaced by {Kind(replacement)}" + (alsoSlash ? ", slash keys removed" : ""));
    }

    private JsonNode? WrongType(JsonNode? current) => current?.GetValueKind() switch
    {
        JsonValueKind.String => _random.Next(4) switch
        {
            0 => 12345,
            1 => new JsonArray("a", 1),
            2 => new JsonObject { ["value"] = "nested" },
            _ => false,
        },
        JsonValueKind.True or JsonValueKind.False => _random.Next(3) switch
        {
            0 => "maybe",
            1 => 1,
            _ => new JsonArray(true),
        },
        JsonValueKind.Number => _random.Next(3) switch
        {
            0 => "ACME",
            1 => true,
            _ => JsonNode.Parse("1e400"),
        },
        JsonValueKind.Object => _random.Next(3) switch
        {
            0 => "3 years",
            1 => 42,
            _ => new JsonObject { ["humanize"] = new JsonArray() },
        },
        _ => "unexpected text",
    };

    private string PickField() =>
        _random.Next(8) == 0
            ? (_random.Next(3) switch
            {
                0 => HiBobFields.IsManager,
                1 => HiBobFields.CompanyId,
                _ => HiBobFields.DurationOfEmployment,
            })
            : StringFields[_random.Next(StringFields.Length)];

    private string Recase(string email)
    {
        var chars = email.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (_random.Next(2) == 0)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        var recased = new string(chars);
        return recased == email ? email.ToUpperInvariant() : recased;
    }

    private string LongText()
    {
        var length = _random.Next(10_000, 100_001);
        var unit = _random.Next(3) switch
        {
            0 => "abcdefghij",
            1 => "\u00E9\u4E2D\U0001F600",
            _ => "Lorem ipsum dolor sit amet, ",
        };
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    /// <summary>The text of a JSON string in a record, with half a surrogate pair where one was put; else null.</summary>
    internal static string? TextOf(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>().Replace(HalfSurrogate, "\uD83D", StringComparison.Ordinal)
            : null;

    internal static string ToWire(JsonNode? record) =>
        (record?.ToJsonString() ?? "null").Replace(HalfSurrogate, "\\ud83d", StringComparison.Ordinal);

    private static JsonNode? Current(JsonObject record, string field) =>
        record[SlashKey(field)] is JsonObject wrapped ? wrapped["value"] : null;

    private static void SetField(JsonObject record, string field, JsonNode? value, Forms forms)
    {
        if (forms is Forms.Nested or Forms.Both)
        {
            var (parent, name) = Nested(record, field, create: true);
            parent![name] = value?.DeepClone();
        }

        if (forms is Forms.Slash or Forms.Both)
        {
            record[SlashKey(field)] = new JsonObject { ["value"] = value?.DeepClone() };
        }
    }

    private static void RemoveField(JsonObject record, string field, Forms forms)
    {
        if (forms is Forms.Nested or Forms.Both)
        {
            var (parent, name) = Nested(record, field, create: false);
            parent?.Remove(name);
        }

        if (forms is Forms.Slash or Forms.Both)
        {
            record.Remove(SlashKey(field));
        }
    }

    // root.* sits at the top level of the nested form; the sandbox writes the id there as "id".
    private static (JsonObject? Parent, string Name) Nested(JsonObject record, string field, bool create)
    {
        var segments = field.Split('.');
        if (segments[0] == "root")
        {
            return (record, segments[1]);
        }

        if (record[segments[0]] is not JsonObject category)
        {
            if (!create)
            {
                return (null, segments[1]);
            }

            category = [];
            record[segments[0]] = category;
        }

        return (category, segments[1]);
    }

    private static string SlashKey(string field) => "/" + field.Replace('.', '/');

    private static string Kind(JsonNode? node) => node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    private enum Forms
    {
        Nested,
        Slash,
        Both,
    }
}
