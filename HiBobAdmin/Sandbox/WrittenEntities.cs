namespace HiBobAdmin.Sandbox;

/// <summary>
/// The entities one bulk request applied, handed from the endpoint to the pipeline, which alone knows whether the
/// answer reaches the client or is replaced by an injected lost-answer fault.
/// </summary>
internal sealed class WrittenEntities(string blueprint, IReadOnlyList<(string Identifier, bool Created)> writes)
{
    public void Record(SandboxState state, bool answered) => state.RecordWrites(blueprint, writes, answered);
}
