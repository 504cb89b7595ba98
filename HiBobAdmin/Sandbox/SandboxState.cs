using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// Everything the emulated HiBob and Port APIs hold: employees, blueprints, entities, tokens, rate windows, the
/// request audit and injected faults. One instance per app (a singleton); every member is thread-safe. The public
/// members are test hooks: they change the data without going through HTTP and without request auditing.
/// </summary>
public sealed class SandboxState
{
    private const int PortRatePeriodSeconds = 300;
    private const int PortRateLimit = 35000;

    private readonly Lock _gate = new();
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SandboxState> _logger;
    private readonly PortTokenRegistry _tokens = new();
    private readonly SandboxFaultInjector _faults;
    private readonly Dictionary<SandboxRequestKey, int> _requestCounts = [];
    private readonly Dictionary<SandboxWriteKey, SandboxWriteCount> _writeCounts = [];
    private readonly Queue<SandboxReceivedPatch> _entityPatches = new();
    private readonly Dictionary<string, (long WindowStart, int Count)> _searchWindows = new(StringComparer.Ordinal);
    private (long WindowStart, int Count) _portWindow;
    private HiBobPeople _people = new();
    private PortCatalog _port = new();

    // The state file as this process last read or wrote it.
    private (DateTime WrittenAt, long Length) _fileSeen;

    public SandboxState(IOptions<SandboxOptions> options, TimeProvider time, ILogger<SandboxState> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _faults = new SandboxFaultInjector(_options.Seed, _options.Faults);
        lock (_gate)
        {
            if (_options.StatePath is { Length: > 0 } path && SandboxStateFile.TryLoad(path) is { } loaded)
            {
                (_people, _port, SeedSummary) = loaded;
                _fileSeen = SandboxStateFile.Stamp(path);
                SandboxLog.StateLoaded(_logger, _people.Count, path);
            }
            else
            {
                SeedLocked();
            }
        }
    }

    /// <summary>What the seed put on each side (read from the state file when the state was loaded).</summary>
    public SandboxSeedSummary SeedSummary { get; private set; } = SandboxSeedSummary.Empty;

    internal SandboxOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    /// <summary>Throws every change away and seeds again from the options (saved when a state file is set).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _searchWindows.Clear();
            SeedLocked();
        }
    }

    // ---- HiBob test hooks -------------------------------------------------------------------------------------

    /// <summary>The HiBob record ids, in the order searches return them.</summary>
    public IReadOnlyList<string> EmployeeIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _people.Snapshot().Select(employee => employee.Id)];
            }
        }
    }

    /// <summary>
    /// One employee as field id → machine value (<c>root.email</c>, <c>work.isManager</c>, …); a field the record
    /// lacks is absent, a null field is present with null. Null when no record has that id.
    /// </summary>
    public JsonObject? GetEmployee(string id)
    {
        lock (_gate)
        {
            return _people.Find(id) is { } employee ? HiBobPeople.ToFieldMap(employee) : null;
        }
    }

    /// <summary>
    /// Adds an employee from a field map (field id → machine value, stored exactly as given). Without a
    /// <c>root.id</c> string a 19-digit id is generated. Returns the id.
    /// </summary>
    public string AddEmployee(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var map = fields.DeepClone().AsObject();
            if (map[SandboxEmployee.IdField] is not JsonValue id || !id.TryGetValue<string>(out _))
            {
                map[SandboxEmployee.IdField] = NewEmployeeIdLocked();
            }

            var employee = HiBobPeople.FromFieldMap(map);
            _people.Add(employee);
            SaveLocked();
            return employee.Id;
        }
    }

    /// <summary>
    /// Adds a record that people searches return byte for byte as given, whatever fields the request names: a
    /// payload HiBob should never send (no <c>id</c>, a number where a string belongs, <c>work</c> as a string) that
    /// a field map cannot express. Verbatim records come after the field-map employees, in the order added; they
    /// carry no record key, so reads by identifier, filters and the field test hooks do not see them, and they are
    /// not saved to the state file.
    /// </summary>
    /// <param name="json">The record as JSON text: any JSON value, kept byte for byte (even an escape such as
    /// <c>\ud83d</c> that .NET's JSON types cannot turn into a string).</param>
    public void AddVerbatimEmployee(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var record = JsonElement.Parse(json);
        lock (_gate)
        {
            _people.AddVerbatim(record);
        }
    }

    /// <summary>Sets one field of an employee (null stores JSON null). <c>root.id</c> cannot change.</summary>
    public void SetEmployeeField(string id, string fieldId, JsonNode? value)
    {
        if (fieldId == SandboxEmployee.IdField)
        {
            throw new ArgumentException("root.id is the record key and cannot change.", nameof(fieldId));
        }

        lock (_gate)
        {
            var employee = _people.Find(id) ?? throw new KeyNotFoundException($"No employee with id {id}.");
            _people.Replace(employee.With(fieldId, HiBobPeople.ToElement(value)));
            SaveLocked();
        }
    }

    /// <summary>Removes one field from an employee, so responses leave it out (HiBob's "absent").</summary>
    public void RemoveEmployeeField(string id, string fieldId)
    {
        lock (_gate)
        {
            var employee = _people.Find(id) ?? throw new KeyNotFoundException($"No employee with id {id}.");
            _people.Replace(employee.With(fieldId, null));
            SaveLocked();
        }
    }

    /// <summary>Removes an employee record; false when there was none.</summary>
    public bool RemoveEmployee(string id)
    {
        lock (_gate)
        {
            var removed = _people.Remove(id);
            if (removed)
            {
                SaveLocked();
            }

            return removed;
        }
    }

    /// <summary>Fields the service user may not see: HiBob drops them from every response without a word.</summary>
    public IReadOnlyCollection<string> HiddenHiBobFields
    {
        get
        {
            lock (_gate)
            {
                return [.. _people.HiddenFields];
            }
        }
    }

    /// <summary>Simulates a service user without permission on a field (for example <c>root.email</c>).</summary>
    public void HideHiBobField(string fieldId)
    {
        lock (_gate)
        {
            _people.Hide(fieldId);
            SaveLocked();
        }
    }

    /// <summary>Gives the permission back.</summary>
    public void ShowHiBobField(string fieldId)
    {
        lock (_gate)
        {
            _people.Show(fieldId);
            SaveLocked();
        }
    }

    // ---- Port test hooks --------------------------------------------------------------------------------------

    /// <summary>A blueprint as <c>GET /v1/blueprints/{id}</c> returns it, or null.</summary>
    public JsonObject? GetBlueprint(string identifier)
    {
        lock (_gate)
        {
            return _port.GetBlueprint(identifier);
        }
    }

    /// <summary>An entity as Port's API renders it (mirror properties resolved), or null.</summary>
    public JsonObject? GetPortEntity(string blueprint, string identifier)
    {
        lock (_gate)
        {
            return _port.FindEntity(blueprint, identifier) is { } entity ? _port.Render(blueprint, entity) : null;
        }
    }

    /// <summary>Every entity of a blueprint, rendered, ordered by identifier (ordinal).</summary>
    public IReadOnlyList<JsonObject> GetPortEntities(string blueprint)
    {
        lock (_gate)
        {
            return _port.HasBlueprint(blueprint)
                ? [.. _port.Entities(blueprint).Select(entity => _port.Render(blueprint, entity))]
                : [];
        }
    }

    /// <summary>
    /// Stores an entity exactly as given (<c>identifier</c>, <c>title</c>, <c>icon</c>, <c>team</c>,
    /// <c>properties</c>, <c>relations</c>), replacing one with the same identifier. No validation beyond an
    /// existing blueprint, so tests can set up states the API would refuse.
    /// </summary>
    public void PutPortEntity(string blueprint, JsonObject entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            if (!_port.HasBlueprint(blueprint))
            {
                throw new KeyNotFoundException($"No blueprint {blueprint}.");
            }

            var now = _time.GetUtcNow();
            var stored = entity.DeepClone().AsObject();
            var existing = _port.FindEntity(blueprint, stored["identifier"]!.GetValue<string>());
            stored["createdAt"] = existing?.CreatedAt ?? now;
            stored["updatedAt"] = now;
            if (stored["team"] is JsonValue single)
            {
                stored["team"] = new JsonArray(single.DeepClone());
            }

            _port.PutEntity(blueprint, PortEntity.FromStored(stored));
            SaveLocked();
        }
    }

    /// <summary>Removes an entity without going through the API (which never deletes <c>_user</c>).</summary>
    public bool RemovePortEntity(string blueprint, string identifier)
    {
        lock (_gate)
        {
            var removed = _port.RemoveEntity(blueprint, identifier);
            if (removed)
            {
                SaveLocked();
            }

            return removed;
        }
    }

    /// <summary>Makes every Port token issued so far expired, as if its lifetime had run out.</summary>
    public void ExpireAllTokens()
    {
        lock (_gate)
        {
            _tokens.ExpireAll(_time.GetUtcNow());
        }
    }

    // ---- Faults -----------------------------------------------------------------------------------------------

    /// <summary>Changes the random fault shares and the added latency from now on.</summary>
    public void SetFaults(double rateLimitShare, double serverErrorShare, int latencyMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateLimitShare);
        ArgumentOutOfRangeException.ThrowIfNegative(serverErrorShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateLimitShare + serverErrorShare, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(latencyMs);
        lock (_gate)
        {
            _faults.RateLimitShare = rateLimitShare;
            _faults.ServerErrorShare = serverErrorShare;
            _faults.LatencyMs = latencyMs;
        }
    }

    /// <summary>Puts the random faults back as <see cref="SandboxOptions.Faults"/> configured them.</summary>
    public void RestoreConfiguredFaults()
    {
        lock (_gate)
        {
            var configured = _options.Faults;
            _faults.RateLimitShare = configured.RateLimitShare;
            _faults.ServerErrorShare = configured.ServerErrorShare;
            _faults.LostAnswerShare = configured.LostAnswerShare;
            _faults.LatencyMs = configured.LatencyMs;
            _faults.LatencySpikeShare = configured.LatencySpikeShare;
            _faults.ExpireTokensAfterRequests = configured.ExpireTokensAfterRequests;
        }
    }

    /// <summary>Stops every random fault, latency spike and lost answer from now on (scripted faults stay).</summary>
    public void TurnFaultsOff()
    {
        lock (_gate)
        {
            _faults.RateLimitShare = 0;
            _faults.ServerErrorShare = 0;
            _faults.LostAnswerShare = 0;
            _faults.LatencyMs = 0;
            _faults.LatencySpikeShare = 0;
            _faults.ExpireTokensAfterRequests = 0;
        }
    }

    /// <summary>
    /// Answers the next request whose path contains <paramref name="pathContains"/> (any request when null; never
    /// Port's token route) with <paramref name="statusCode"/> instead of serving it. A 429 carries
    /// <c>Retry-After: 1</c>. Queued faults are used in order.
    /// </summary>
    public void EnqueueFault(int statusCode, string? pathContains = null)
    {
        lock (_gate)
        {
            _faults.Enqueue(statusCode, pathContains);
        }
    }

    // ---- Request audit ----------------------------------------------------------------------------------------

    /// <summary>How many requests each route answered with each status, since start or the last reset.</summary>
    public IReadOnlyDictionary<SandboxRequestKey, int> RequestCounts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<SandboxRequestKey, int>(_requestCounts);
            }
        }
    }

    /// <summary>
    /// Requests that match every given filter: the method (e.g. <c>DELETE</c>), a piece of the route template
    /// (e.g. <c>/entities/bulk</c>) and the status code.
    /// </summary>
    public int CountRequests(string? method = null, string? routeContains = null, int? statusCode = null)
    {
        lock (_gate)
        {
            return _requestCounts
                .Where(pair => method is null
                    || string.Equals(pair.Key.Method, method, StringComparison.OrdinalIgnoreCase))
                .Where(pair => routeContains is null
                    || pair.Key.Route.Contains(routeContains, StringComparison.Ordinal))
                .Where(pair => statusCode is null || pair.Key.StatusCode == statusCode)
                .Sum(pair => pair.Value);
        }
    }

    /// <summary>
    /// The entity PATCHes Port received (path and body exactly as sent), oldest first: the last
    /// <see cref="KeptEntityPatches"/> since start or the last reset.
    /// </summary>
    public IReadOnlyList<SandboxReceivedPatch> EntityPatches
    {
        get
        {
            lock (_gate)
            {
                return [.. _entityPatches];
            }
        }
    }

    public const int KeptEntityPatches = 100;

    public void ResetRequestCounts()
    {
        lock (_gate)
        {
            _requestCounts.Clear();
            _writeCounts.Clear();
            _entityPatches.Clear();
        }
    }

    /// <summary>
    /// Every entity that bulk writes touched since start or the last reset, with how often a write of it was applied
    /// and answered, applied with its answer lost, and created it.
    /// </summary>
    public IReadOnlyDictionary<SandboxWriteKey, SandboxWriteCount> WriteCounts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<SandboxWriteKey, SandboxWriteCount>(_writeCounts);
            }
        }
    }

    // ---- Internals for the endpoints --------------------------------------------------------------------------

    internal void RecordEntityPatch(SandboxReceivedPatch patch)
    {
        lock (_gate)
        {
            _entityPatches.Enqueue(patch);
            while (_entityPatches.Count > KeptEntityPatches)
            {
                _entityPatches.Dequeue();
            }
        }
    }

    internal void RecordRequest(SandboxRequestKey key)
    {
        lock (_gate)
        {
            _requestCounts[key] = _requestCounts.GetValueOrDefault(key) + 1;
        }
    }

    internal int LatencyMs
    {
        get
        {
            lock (_gate)
            {
                return _faults.LatencyMs;
            }
        }
    }

    internal SandboxFault DrawFault(SandboxApi api, string path)
    {
        lock (_gate)
        {
            var fault = _faults.Draw(api, path);
            if (fault.ExpireTokens)
            {
                _tokens.ExpireAll(_time.GetUtcNow());
            }

            return fault;
        }
    }

    internal int RetryAfterSeconds
    {
        get
        {
            lock (_gate)
            {
                return _faults.RetryAfterSeconds;
            }
        }
    }

    /// <summary>Counts writes that a bulk request applied; <paramref name="answered"/> is false for a lost answer.</summary>
    internal void RecordWrites(string blueprint, IEnumerable<(string Identifier, bool Created)> writes, bool answered)
    {
        lock (_gate)
        {
            foreach (var (identifier, created) in writes)
            {
                var key = new SandboxWriteKey(blueprint, identifier);
                var count = _writeCounts.GetValueOrDefault(key);
                _writeCounts[key] = new SandboxWriteCount(
                    count.Answered + (answered ? 1 : 0),
                    count.Lost + (answered ? 0 : 1),
                    count.Created + (created ? 1 : 0));
            }
        }
    }

    /// <summary>Counts one people search in the credential's clock-minute window.</summary>
    internal HiBobRateWindow ConsumeSearch(string credential)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % 60);
        lock (_gate)
        {
            var (start, count) = _searchWindows.GetValueOrDefault(credential);
            if (start != windowStart)
            {
                count = 0;
            }

            var limit = _options.HiBobSearchLimitPerMinute;
            var allowed = count < limit;
            if (allowed)
            {
                count++;
            }

            _searchWindows[credential] = (windowStart, count);
            return new HiBobRateWindow(allowed, limit, limit - count, windowStart + 60);
        }
    }

    /// <summary>Counts one Port request for the <c>x-ratelimit-*</c> headers (Port slows down, not rejects).</summary>
    internal (int Period, int Limit, int Remaining, long Reset) ConsumePortRequest()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % PortRatePeriodSeconds);
        lock (_gate)
        {
            _portWindow = _portWindow.WindowStart == windowStart
                ? (windowStart, _portWindow.Count + 1)
                : (windowStart, 1);
            return (PortRatePeriodSeconds, PortRateLimit, Math.Max(0, PortRateLimit - _portWindow.Count),
                windowStart + PortRatePeriodSeconds);
        }
    }

    internal (string Token, int ExpiresIn) IssueToken(string clientId)
    {
        lock (_gate)
        {
            return _tokens.Issue(clientId, _time.GetUtcNow(), TimeSpan.FromSeconds(_options.TokenLifetimeSeconds));
        }
    }

    internal PortTokenCheck CheckToken(string token)
    {
        lock (_gate)
        {
            return _tokens.Check(token, _time.GetUtcNow());
        }
    }

    /// <summary>Runs a read against the HiBob records under the lock.</summary>
    internal T ReadHiBob<T>(Func<HiBobPeople, T> read)
    {
        lock (_gate)
        {
            FollowFileLocked();
            return read(_people);
        }
    }

    /// <summary>Runs a Port read or write under the lock; saves when <paramref name="changed"/> says so.</summary>
    internal T UsePort<T>(Func<PortCatalog, DateTimeOffset, T> use, Func<T, bool>? changed = null)
    {
        lock (_gate)
        {
            FollowFileLocked();
            var result = use(_port, _time.GetUtcNow());
            if (changed?.Invoke(result) == true)
            {
                SaveLocked();
            }

            return result;
        }
    }

    private void SeedLocked()
    {
        (_people, _port, SeedSummary) = SandboxSeeder.Create(_options.Seed, _options.EmployeeCount, _time.GetUtcNow());
        SandboxLog.Seeded(_logger, SeedSummary.EmployeeRecords, SeedSummary.PortUsers, _options.Seed);
        SaveLocked();
    }

    private void SaveLocked()
    {
        if (_options.StatePath is { Length: > 0 } path)
        {
            SandboxStateFile.Save(path, _people, _port, SeedSummary);
            _fileSeen = SandboxStateFile.Stamp(path);
        }
    }

    /// <summary>
    /// Takes over the state file when another process (a CLI sync beside the dashboard) wrote it since this one last
    /// read or wrote it, so both see one HiBob and one Port, as they would the real services. Two processes writing
    /// at the same moment still overwrite each other's changes (Sandbox/README.md).
    /// </summary>
    private void FollowFileLocked()
    {
        if (_options.StatePath is not { Length: > 0 } path)
        {
            return;
        }

        var stamp = SandboxStateFile.Stamp(path);
        if (stamp == _fileSeen)
        {
            return;
        }

        try
        {
            if (SandboxStateFile.TryLoad(path) is { } loaded)
            {
                (_people, _port, SeedSummary) = loaded;
                SandboxLog.StateFollowed(_logger, path, _people.Count);
            }
        }
        catch (InvalidDataException ex)
        {
            SandboxLog.StateUnreadable(_logger, ex, path);
        }

        _fileSeen = stamp;
    }

    private string NewEmployeeIdLocked()
    {
        // Ids of added employees continue after the seeded ones so they stay 19 digits and never collide.
        var next = 3_000_000_000_000_000_000L + _people.Count;
        while (_people.Find(next.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not null)
        {
            next++;
        }

        return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
