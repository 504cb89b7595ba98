using System.Text.Json;
using System.Text.Json.Serialization;
using HiBobAdmin.Matching;

namespace HiBobAdmin.HiBob;

/// <summary>
/// One element of HiBob's search answer, reduced while the answer streams in: what the completeness checks need
/// (is it an object, which requested fields it carries) and the employee read from it. Only an element that could
/// not be read keeps its JSON, to be described by its position once the whole list is known.
/// </summary>
[JsonConverter(typeof(StreamedEmployeeConverter))]
internal sealed class StreamedEmployee
{
    public bool IsObject { get; init; }

    /// <summary>Bit i is set when <see cref="HiBobFields.Requested"/>[i] is present in either form.</summary>
    public ulong Fields { get; init; }

    public Employee? Employee { get; init; }

    public JsonElement? Unread { get; init; }

    public bool Has(int field) => (Fields & (1UL << field)) != 0;
}

/// <summary>The search answer's envelope; its list is read element by element, never as one document.</summary>
internal sealed class StreamedSearchAnswer
{
    [JsonPropertyName("employees")]
    public List<StreamedEmployee>? Employees { get; set; }
}

internal sealed class StreamedEmployeeConverter : JsonConverter<StreamedEmployee>
{
    // A null in the list is a record like any other that cannot be read, not a missing element: without this the
    // serializer would put a null in the list without asking the converter.
    public override bool HandleNull => true;

    public override StreamedEmployee Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return HiBobEmployeeReader.Reduce(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, StreamedEmployee value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Streamed employees are only read.");
}
