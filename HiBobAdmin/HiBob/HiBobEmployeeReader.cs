using System.Globalization;
using System.Text;
using System.Text.Json;
using HiBobAdmin.Matching;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Turns HiBob employee objects into <see cref="Employee"/> records without trusting their shape. Each field is read
/// from the nested form (<c>email</c>, <c>work.isManager</c>) or the slash form
/// (<c>"/work/isManager": {"value": …}</c>), whichever holds a value; machine and <c>REPLACE</c> values are both
/// understood. A value of the wrong type counts
/// as missing; a record that is not an object or has no usable id is skipped with its reason.
/// </summary>
public static class HiBobEmployeeReader
{
    // Longer values are not real HiBob data; they are dropped rather than carried into Port.
    internal const int MaxTextLength = 2048;
    internal const int MaxIdLength = 64;
    private const int SubjectIdLength = 19;

    /// <summary>Reads every element; <see cref="EmployeeReadResult.Employees"/> keeps the input order.</summary>
    public static EmployeeReadResult Read(IReadOnlyList<JsonElement> employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        return Read([.. employees.Select(Reduce)]);
    }

    /// <summary>Reduces one streamed element to what <see cref="Read(IReadOnlyList{StreamedEmployee})"/> needs.</summary>
    internal static StreamedEmployee Reduce(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new StreamedEmployee { Unread = element.Clone() };
        }

        var fields = 0UL;
        for (var i = 0; i < HiBobFields.Requested.Count; i++)
        {
            if (HasField(element, HiBobFields.Requested[i]))
            {
                fields |= 1UL << i;
            }
        }

        // The position is only known once the list is complete; an element that cannot be read is described then.
        return TryRead(element, -1, out var employee, out _)
            ? new StreamedEmployee { IsObject = true, Fields = fields, Employee = employee }
            : new StreamedEmployee { IsObject = true, Fields = fields, Unread = element.Clone() };
    }

    /// <summary>
    /// The requested fields (<see cref="HiBobFields.Requested"/>) that no employee object carries in either form. A key
    /// present with a null value counts as carried: only absence means HiBob withheld the field.
    /// </summary>
    internal static IReadOnlyList<string> FieldsMissingFromAll(IReadOnlyList<StreamedEmployee> employees)
    {
        if (!employees.Any(e => e.IsObject))
        {
            return [];
        }

        var present = employees.Aggregate(0UL, (all, e) => all | e.Fields);
        return [.. HiBobFields.Requested.Where((_, i) => (present & (1UL << i)) == 0)];
    }

    /// <summary>Reads every reduced element; <see cref="EmployeeReadResult.Employees"/> keeps the input order.</summary>
    internal static EmployeeReadResult Read(IReadOnlyList<StreamedEmployee> employees)
    {
        ArgumentNullException.ThrowIfNull(employees);

        var status = IndexOf(HiBobFields.Status);
        var read = new List<Employee>(employees.Count);
        var skipped = new List<SkippedItem>();

        // HiBob drops fields the service user may not see, for some people only when permissions target a population.
        // When others carry internal.status, an employee without it is withheld, not inactive: reading them as a
        // leaver would mark their Port entity inactive. (Absent for everyone is the directory's completeness error.)
        var statusWithheld = employees.Any(e => e.IsObject && e.Has(status));
        for (var index = 0; index < employees.Count; index++)
        {
            var element = employees[index];
            if (element.Employee is { } employee)
            {
                if (statusWithheld && !element.Has(status))
                {
                    skipped.Add(new SkippedItem(employee.Id, HiBobMessages.StatusWithheld));
                }
                else
                {
                    read.Add(employee);
                }
            }
            else
            {
                TryRead(element.Unread!.Value, index, out _, out var reason);
                skipped.Add(reason);
            }
        }

        return new EmployeeReadResult(read, skipped);
    }

    private static int IndexOf(string field)
    {
        for (var i = 0; i < HiBobFields.Requested.Count; i++)
        {
            if (string.Equals(HiBobFields.Requested[i], field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{field} is not a requested field.");
    }

    /// <summary>True when the employee object has the field's key in the nested or the slash form.</summary>
    public static bool HasField(JsonElement employee, string fieldId)
    {
        ArgumentNullException.ThrowIfNull(fieldId);
        return TryGetNested(employee, fieldId, out _) || TryGetSlash(employee, fieldId, out _);
    }

    private static bool TryRead(JsonElement element, int index, out Employee employee, out SkippedItem skipped)
    {
        employee = null!;
        skipped = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            skipped = new SkippedItem(
                Position(index),
                $"HiBob returned {Describe(element.ValueKind)} where an employee object was expected");
            return false;
        }

        // Text reads a number as its digits (companyId is one); an email that is a number is no address, and would
        // name a skipped record as if it were an id.
        var emailValue = Value(element, HiBobFields.Email);
        var email = emailValue?.ValueKind == JsonValueKind.String ? Text(emailValue) : null;
        var idValue = Value(element, HiBobFields.Id);
        var id = Id(idValue);

        var violation = id is null ? null : IdProblem(id);
        if (id is null || violation is not null)
        {
            var subject = idValue is { ValueKind: JsonValueKind.String } rawId && HasContent(rawId)
                ? Partial(WellFormed(StringOf(rawId).Trim()))
                : email ?? Position(index);
            var problem = violation ?? (idValue is { } present && HasContent(present) ? Unusable(present) : null);
            var reason = problem is not null
                ? $"HiBob returned an employee whose id (root.id) {problem}"
                : "HiBob returned an employee without an id (root.id)";
            skipped = new SkippedItem(subject, reason);
            return false;
        }

        var status = Text(element, HiBobFields.Status);
        employee = new Employee
        {
            Id = id,
            Email = email,
            IsActive = string.Equals(status, "Active", StringComparison.OrdinalIgnoreCase),
            Status = status,
            LifecycleStatus = Text(element, HiBobFields.LifecycleStatus),
            TerminationDate = Text(element, HiBobFields.TerminationDate),
            DisplayName = Text(element, HiBobFields.DisplayName),
            FirstName = Text(element, HiBobFields.FirstName),
            Surname = Text(element, HiBobFields.Surname),
            FullName = Text(element, HiBobFields.FullName),
            CompanyId = Text(element, HiBobFields.CompanyId),
            AvatarUrl = Text(element, HiBobFields.AvatarUrl),
            CoverImageUrl = Text(element, HiBobFields.CoverImageUrl),
            CreationDateTime = Text(element, HiBobFields.CreationDateTime),
            IsManager = Boolean(Value(element, HiBobFields.IsManager)),
            DurationOfEmployment = Duration(Value(element, HiBobFields.DurationOfEmployment)),
            Department = Text(element, HiBobFields.Department),
            WorkTitle = Text(element, HiBobFields.Title),
        };
        return true;
    }

    /// <summary>The field's value: the nested form when it holds something, else the slash form, else null.</summary>
    private static JsonElement? Value(JsonElement employee, string fieldId)
    {
        var hasNested = TryGetNested(employee, fieldId, out var nested);
        if (hasNested && HasContent(nested))
        {
            return nested;
        }

        if (TryGetSlash(employee, fieldId, out var slash))
        {
            // The docs show slash keys wrapped as {"value": …}; some payloads carry the bare value.
            if (slash.ValueKind == JsonValueKind.Object && slash.TryGetProperty("value", out var wrapped))
            {
                return wrapped;
            }

            if (HasContent(slash))
            {
                return slash;
            }
        }

        return hasNested ? nested : null;
    }

    private static bool HasContent(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !string.IsNullOrWhiteSpace(StringOf(value)),
            _ => true,
        };

    // root.* fields sit at the top level of the nested form; other categories are nested objects.
    private static bool TryGetNested(JsonElement employee, string fieldId, out JsonElement value)
    {
        value = default;
        if (employee.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var segments = fieldId.Split('.');
        var start = segments.Length > 1 && segments[0] == "root" ? 1 : 0;
        var current = employee;
        for (var i = start; i < segments.Length; i++)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segments[i], out current))
            {
                return false;
            }
        }

        value = current;
        return true;
    }

    private static bool TryGetSlash(JsonElement employee, string fieldId, out JsonElement value)
    {
        value = default;
        return employee.ValueKind == JsonValueKind.Object
            && employee.TryGetProperty("/" + fieldId.Replace('.', '/'), out value);
    }

    private static string? Text(JsonElement employee, string fieldId) => Text(Value(employee, fieldId));

    private static string? Text(JsonElement? value)
    {
        var text = value?.ValueKind switch
        {
            JsonValueKind.String => WellFormed(StringOf(value.Value).Trim()),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) || text.Length > MaxTextLength ? null : text;
    }

    /// <summary>
    /// A JSON string as .NET text. JSON allows an escaped half of a surrogate pair (<c>"\ud83d"</c>), which
    /// <see cref="JsonElement.GetString"/> refuses with an exception; such a string is unescaped here instead, the
    /// half kept as a char for <see cref="WellFormed"/> to replace.
    /// </summary>
    internal static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The parser has validated the raw text: quotes around it, every escape complete.
            var raw = value.GetRawText();
            var text = new StringBuilder(raw.Length);
            for (var i = 1; i < raw.Length - 1; i++)
            {
                var c = raw[i];
                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }

                c = raw[++i];
                if (c == 'u')
                {
                    text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    continue;
                }

                text.Append(c switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => c,
                });
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// The text with each NUL and each half of a broken surrogate pair (valid JSON as <c>\ud83d</c>, not valid
    /// Unicode) replaced by U+FFFD. Stores that keep UTF-8 text cannot hold a lone surrogate and many refuse NUL, so
    /// the value would come back changed and be rewritten on every run; U+FFFD shows the admin where data was lost,
    /// and keeps an email with such a character unmappable rather than quietly matching another address.
    /// </summary>
    internal static string WellFormed(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !span.Contains('\0'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) || c == '\0' ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    // Ids are 19-digit strings; a number must keep every digit, so its raw text is used, never a double.
    private static string? Id(JsonElement? value)
    {
        var text = value?.ValueKind switch
        {
            JsonValueKind.String => StringOf(value.Value).Trim(),
            JsonValueKind.Number when value.Value.GetRawText().All(char.IsAsciiDigit) => value.Value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) || text.Length > MaxIdLength ? null : text;
    }

    // The id becomes the hibob_user identifier and the _user relation value. One Port would refuse is skipped here,
    // the character named, instead of failing as a write; so is one with a character outside ASCII, which Port
    // accepts as a letter but no HiBob id holds (ids are 19-digit strings): a Kelvin sign or a Hebrew letter among the
    // digits is corrupt data, and an entity keyed by it would never match the real id (decision 0042).
    private static string? IdProblem(string id)
    {
        if (PortIdentifier.DescribeViolation(id) is { } violation)
        {
            return violation;
        }

        var foreign = id.FirstOrDefault(c => !char.IsAscii(c));
        return foreign == default
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"contains the character U+{(int)foreign:X4}, which no HiBob id holds");
    }

    /// <summary>Why an id that is present cannot be read, as the end of "whose id (root.id) …".</summary>
    private static string Unusable(JsonElement id) =>
        id.ValueKind switch
        {
            JsonValueKind.String => string.Create(
                CultureInfo.InvariantCulture,
                $"is {StringOf(id).Trim().Length} characters long; HiBob ids have 19 digits"),
            JsonValueKind.Number => string.Create(
                CultureInfo.InvariantCulture,
                $"is the number {HiBobErrors.Shorten(id.GetRawText())}, which is not a whole id"),
            _ => $"is {Describe(id.ValueKind)}, not a string",
        };

    private static bool? Boolean(JsonElement? value)
    {
        switch (value?.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var text = StringOf(value.Value).Trim();
                if (text.Equals("yes", StringComparison.OrdinalIgnoreCase)
                    || text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text.Equals("no", StringComparison.OrdinalIgnoreCase)
                    || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            default:
                return null;
        }
    }

    // Machine form is {periodISO, sortFactor, humanize}; REPLACE gives the humanized string.
    private static string? Duration(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } duration && duration.TryGetProperty("humanize", out var humanize)
            ? Text(humanize)
            : Text(value);

    private static string Position(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"employees[{index}]");

    // Never cut between the two halves of a surrogate pair (an emoji): a lone half is stored as U+FFFD.
    private static string Partial(string id) =>
        id.Length <= SubjectIdLength ? id : id[..PlanDescriptions.CutAt(id, SubjectIdLength)] + "…";

    private static string Describe(JsonValueKind kind) =>
        kind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
}
