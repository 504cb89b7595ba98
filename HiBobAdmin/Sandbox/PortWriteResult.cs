namespace HiBobAdmin.Sandbox;

/// <summary>The outcome of one entity write: the stored entity, or why it was refused.</summary>
internal sealed record PortWriteResult(string? Identifier, PortEntity? Entity, bool Created, PortItemError? Error)
{
    public static PortWriteResult Succeeded(PortEntity entity, bool created) =>
        new(entity.Identifier, entity, created, null);

    public static PortWriteResult Failed(PortItemError error, string? identifier = null) =>
        new(identifier, null, false, error);
}
