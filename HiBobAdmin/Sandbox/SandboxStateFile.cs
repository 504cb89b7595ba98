using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// The sandbox state on disk, so one CLI run sees what an earlier run wrote. Written to a temporary file and moved
/// into place, so a crash mid-write leaves the previous state readable.
/// </summary>
internal static class SandboxStateFile
{
    private const int Version = 1;

    private static readonly JsonSerializerOptions SummaryOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The stored state, or null when the file does not exist.</summary>
    public static (HiBobPeople People, PortCatalog Port, SandboxSeedSummary Summary)? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllBytes(path))?.AsObject()
                ?? throw new InvalidDataException("The file is empty.");
            if (root["version"]?.GetValue<int>() != Version)
            {
                throw new InvalidDataException($"Expected version {Version}.");
            }

            var hibob = root["hibob"] as JsonObject ?? throw new InvalidDataException("The hibob section is missing.");
            var port = root["port"] as JsonObject ?? throw new InvalidDataException("The port section is missing.");
            var summary = root["seedSummary"].Deserialize<SandboxSeedSummary>(SummaryOptions)
                ?? SandboxSeedSummary.Empty;
            return (HiBobPeople.FromStored(hibob), PortCatalog.FromStored(port), summary);
        }
        catch (Exception exception) when (exception
            is JsonException or InvalidOperationException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException(
                $"Sandbox:StatePath points at {path}, which is not a sandbox state file: {exception.Message} "
                + "Delete it to start from a fresh seed.",
                exception);
        }
    }

    /// <summary>When and how large the file was last written; the default when there is none.</summary>
    public static (DateTime WrittenAt, long Length) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }

    public static void Save(string path, HiBobPeople people, PortCatalog port, SandboxSeedSummary summary)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WritePropertyName("hibob");
            people.WriteTo(writer);
            writer.WritePropertyName("port");
            port.WriteTo(writer);
            writer.WritePropertyName("seedSummary");
            JsonSerializer.Serialize(writer, summary, SummaryOptions);
            writer.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }
}
