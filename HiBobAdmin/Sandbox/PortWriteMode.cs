namespace HiBobAdmin.Sandbox;

/// <summary>How an entity write treats an entity that already exists.</summary>
internal enum PortWriteMode
{
    /// <summary><c>upsert=false</c>: an existing entity is a 409.</summary>
    Create,

    /// <summary><c>upsert=true</c>: the entity is replaced by what was sent.</summary>
    Replace,

    /// <summary><c>upsert=true&amp;merge=true</c>: only the sent fields change.</summary>
    Merge,

    /// <summary>PATCH: only the sent fields change, and a missing entity is a 404.</summary>
    Patch,
}
