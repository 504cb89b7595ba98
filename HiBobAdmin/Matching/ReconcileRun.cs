namespace HiBobAdmin.Matching;

/// <summary>
/// The working state of one <see cref="Reconciler.Reconcile"/> call. Every lookup goes through a dictionary keyed
/// by employee id or normalised email, so the work grows linearly with the number of people.
/// </summary>
internal sealed class ReconcileRun
{
    private readonly ReconcileInput _input;
    private readonly List<Person> _people;
    private readonly Dictionary<string, int> _indexById;
    private readonly Dictionary<string, HibobUserEntity> _entities;
    private readonly Dictionary<string, EmailSlot> _slots;
    private readonly List<(PortUser PortUser, EmailSlot? Slot)> _unclaimed = [];
    private readonly List<PersonRow> _portOnlyRows = [];
    private readonly List<HibobUserWrite> _hibobUserWrites = [];
    private readonly List<UserLinkWrite> _userLinkWrites = [];
    private readonly List<SkippedItem> _skipped = [];
    private readonly Dictionary<string, ManualLink> _manualLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PortUser> _manualUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IgnoreEntry> _ignores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PortUser> _earlierLinks = new(StringComparer.Ordinal);
    private readonly ProtectedAccounts _protected;
    private int _unchanged;

    public ReconcileRun(ReconcileInput input)
    {
        _input = input;
        _people = new List<Person>(input.Employees.Count);
        _indexById = new Dictionary<string, int>(input.Employees.Count, StringComparer.Ordinal);
        _entities = new Dictionary<string, HibobUserEntity>(input.HibobUsers.Count, StringComparer.Ordinal);
        _slots = new Dictionary<string, EmailSlot>(
            input.Employees.Count + input.PortUsers.Count,
            StringComparer.Ordinal);
        _protected = new ProtectedAccounts(input.ProtectedAccounts, input.PortUsers);
    }

    public Reconciliation Run()
    {
        foreach (var entity in _input.HibobUsers)
        {
            _entities.TryAdd(entity.Identifier, entity);
        }

        CollectDecisions();
        CollectEmployees();
        CollectPortUsers();
        foreach (var slot in _slots.Values)
        {
            ResolveSlot(slot);
        }

        IndexEarlierLinks();

        foreach (var person in _people)
        {
            Classify(person);
            PlanEntity(person.Employee);
        }

        AttachOrListUnclaimed();

        var stale = StaleEntities();
        var plan = new SyncPlan(_hibobUserWrites, _userLinkWrites, _skipped, _unchanged)
        {
            StaleEntities = stale,
            EntityRemovals = _input.RemoveStaleEntities
                ? [.. stale.Where(e => !e.IsLinked).Select(e => e.Identifier)]
                : [],
        };
        return new Reconciliation(BuildRows(), plan);
    }

    /// <summary>
    /// Keeps the manual links whose employee and Port user both exist (a service account is never linked), and the
    /// ignore entries that have not expired. A link to someone who is gone waits, stored, until they return.
    /// </summary>
    private void CollectDecisions()
    {
        var decisions = _input.Decisions;
        var employees = _input.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var users = new Dictionary<string, PortUser>(StringComparer.Ordinal);
        foreach (var user in _input.PortUsers.Where(u => !u.IsServiceAccount))
        {
            users.TryAdd(user.Identifier, user);
        }

        foreach (var link in decisions.Links.OrderBy(l => l.CreatedAt).ThenBy(l => l.EmployeeId, StringComparer.Ordinal))
        {
            if (employees.Contains(link.EmployeeId)
                && users.TryGetValue(link.PortUserIdentifier, out var user)
                && !_manualUsers.ContainsKey(user.Identifier)
                && _manualLinks.TryAdd(link.EmployeeId, link))
            {
                _manualUsers.Add(user.Identifier, user);
            }
        }

        foreach (var entry in decisions.Ignores.Where(i => i.AppliesAt(decisions.Now)))
        {
            _ignores.TryAdd(entry.PortUserIdentifier, entry);
        }
    }

    private void CollectEmployees()
    {
        foreach (var employee in _input.Employees)
        {
            if (!_indexById.TryAdd(employee.Id, _people.Count))
            {
                _skipped.Add(new SkippedItem(employee.Id, PersonReasons.RepeatedId));
                continue;
            }

            var person = new Person(employee, EmailAddress.Clean(employee.Email));
            _people.Add(person);
            if (_manualLinks.TryGetValue(employee.Id, out var link))
            {
                // The admin's link is the match: the employee's own email takes no part in matching.
                person.Manual = link;
                person.PortUser = _manualUsers[link.PortUserIdentifier];
                person.NormalisedEmail = EmailAddress.Normalise(person.CleanEmail);
                continue;
            }

            if (person.CleanEmail is null)
            {
                continue;
            }

            var normalised = EmailAddress.Normalise(person.CleanEmail)!;
            person.Violation = EmailAddress.DescribeProblem(person.CleanEmail)
                ?? PortIdentifier.DescribeViolation(normalised);
            if (person.Violation is not null)
            {
                continue;
            }

            person.NormalisedEmail = normalised;
            person.Slot = SlotOf(normalised);
            person.Slot.AddEmployee(_people.Count - 1, employee.IsActive);
        }
    }

    private void CollectPortUsers()
    {
        foreach (var portUser in _input.PortUsers)
        {
            var normalised = EmailAddress.Normalise(portUser.Identifier);
            if (portUser.IsServiceAccount)
            {
                // Never matched, but remembered: an employee with the same email must not create or link it.
                if (normalised is not null)
                {
                    SlotOf(normalised).HasServiceAccount = true;
                }

                continue;
            }

            if (_manualUsers.ContainsKey(portUser.Identifier))
            {
                // Claimed by a manual link: an employee of this email must neither take it nor create a twin.
                if (normalised is not null)
                {
                    SlotOf(normalised).HasManualLink = true;
                }

                continue;
            }

            if (normalised is null)
            {
                _unclaimed.Add((portUser, null));
                continue;
            }

            SlotOf(normalised).AddPortUser(portUser);
        }
    }

    private EmailSlot SlotOf(string normalisedEmail)
    {
        if (!_slots.TryGetValue(normalisedEmail, out var slot))
        {
            slot = new EmailSlot(normalisedEmail);
            _slots.Add(normalisedEmail, slot);
        }

        return slot;
    }

    /// <summary>Decides which person, if any, the Port user of this email belongs to.</summary>
    private void ResolveSlot(EmailSlot slot)
    {
        var owner = slot.ActiveCount == 1 ? _people[slot.ActiveEmployees[0]] : null;
        if (slot.ActiveCount > 1)
        {
            slot.DuplicateIds = PersonReasons.JoinIds(slot.ActiveEmployees.Select(i => _people[i].Employee.Id));
        }

        var chosen = slot.ChoosePortUser(owner?.Employee.Id);
        if (chosen is null)
        {
            return;
        }

        foreach (var variant in slot.PortUsers)
        {
            if (!ReferenceEquals(variant, chosen))
            {
                AddPortOnlyRow(variant, slot.Email, PersonReasons.CaseVariant(variant, chosen) + LinkNote(variant));
            }
        }

        if (owner is not null)
        {
            owner.PortUser = chosen;
        }
        else if (slot.ActiveCount == 0 && slot.InactiveEmployees.Count > 0 && !IsLinkedToActive(chosen))
        {
            PickLeaver(slot, chosen).PortUser = chosen;
        }
        else
        {
            // Two active employees share the email, or an active employee uses this Port user through an earlier
            // link: a leaver does not take it, and neither twin does until HR resolves the conflict.
            _unclaimed.Add((chosen, slot));
        }
    }

    private Person PickLeaver(EmailSlot slot, PortUser portUser)
    {
        Person? first = null;
        foreach (var index in slot.InactiveEmployees)
        {
            var person = _people[index];
            if (string.Equals(person.Employee.Id, portUser.LinkedEmployeeId, StringComparison.Ordinal))
            {
                return person;
            }

            if (first is null || string.CompareOrdinal(person.Employee.Id, first.Employee.Id) < 0)
            {
                first = person;
            }
        }

        return first!;
    }

    private void Classify(Person person)
    {
        var id = person.Employee.Id;
        if (!person.Employee.IsActive)
        {
            person.Status = LinkStatus.Leaver;
        }
        else if (person.Manual is not null)
        {
            PlanLink(person, person.PortUser!);
        }
        else if (person.CleanEmail is null)
        {
            person.Status = LinkStatus.NoEmail;
            _skipped.Add(new SkippedItem(id, PersonReasons.NoEmail(id)));
        }
        else if (person.Violation is not null)
        {
            person.Status = LinkStatus.UnmappableEmail;
            _skipped.Add(new SkippedItem(id, PersonReasons.Unmappable(person.CleanEmail, person.Violation)));
        }
        else if (person.Slot!.ActiveCount > 1)
        {
            person.Status = LinkStatus.DuplicateEmail;
            _skipped.Add(new SkippedItem(id, PersonReasons.Duplicate(person.Slot.Email, person.Slot.DuplicateIds!)));
        }
        else
        {
            ClassifyOwner(person, person.Slot.Email);
        }
    }

    private void ClassifyOwner(Person person, string email)
    {
        var id = person.Employee.Id;
        var portUser = person.PortUser;
        if (portUser is null && _earlierLinks.Remove(id, out var earlier))
        {
            // The Port user linked to this employee has another email: HiBob's email changed. Port cannot rename a
            // _user identifier, so the link is kept and no second Port user is created (decision 0016).
            person.PortUser = earlier;
            person.LinkedEarlier = true;
            person.Status = LinkStatus.EmailChanged;
            _unchanged++;
        }
        else if (portUser is null)
        {
            person.Status = LinkStatus.HiBobOnly;
            if (person.Slot!.HasServiceAccount)
            {
                _skipped.Add(new SkippedItem(id, PersonReasons.ServiceAccountEmail(email)));
            }
            else if (person.Slot.HasManualLink)
            {
                _skipped.Add(new SkippedItem(id, PersonReasons.ManuallyLinkedElsewhere(email)));
            }
            else if (_input.CreateMissingPortUsers)
            {
                PlanUserWrite(person, new UserLinkWrite(UserLinkKind.CreateAndLink, email, id, null));
            }
            else
            {
                _skipped.Add(new SkippedItem(id, PersonReasons.CreationOff(email)));
            }
        }
        else
        {
            PlanLink(person, portUser);
        }
    }

    /// <summary>Matched when the relation already points at the employee; otherwise a link or relink write.</summary>
    private void PlanLink(Person person, PortUser portUser)
    {
        var id = person.Employee.Id;
        if (string.Equals(portUser.LinkedEmployeeId, id, StringComparison.Ordinal))
        {
            person.Status = LinkStatus.Matched;
            _unchanged++;
            return;
        }

        person.Status = LinkStatus.PendingLink;
        var previous = string.IsNullOrWhiteSpace(portUser.LinkedEmployeeId) ? null : portUser.LinkedEmployeeId;
        var kind = previous is null ? UserLinkKind.Link : UserLinkKind.Relink;
        PlanUserWrite(person, new UserLinkWrite(kind, portUser.Identifier, id, previous));
    }

    /// <summary>
    /// Plans a <c>_user</c> write, unless its account is protected: then the person is Protected and the write is
    /// recorded as skipped, with the reason, instead.
    /// </summary>
    private void PlanUserWrite(Person person, UserLinkWrite write)
    {
        if (_protected.Why(write.PortUserIdentifier) is { } why)
        {
            person.Status = LinkStatus.Protected;
            person.ProtectedReason = ProtectedAccounts.Reason(write, why);
            _skipped.Add(new SkippedItem(write.EmployeeId, person.ProtectedReason));
            return;
        }

        _userLinkWrites.Add(write);
    }

    /// <summary>
    /// Port users no email claimed whose relation points at an active employee: the candidates for an email change.
    /// </summary>
    private void IndexEarlierLinks()
    {
        foreach (var (portUser, _) in _unclaimed.OrderBy(u => u.PortUser.Identifier, StringComparer.Ordinal))
        {
            if (LinkedPerson(portUser) is { Employee.IsActive: true, Manual: null } person)
            {
                _earlierLinks.TryAdd(person.Employee.Id, portUser);
            }
        }
    }

    /// <summary>The entities whose employee HiBob did not return; only a full read can tell.</summary>
    private List<StaleEntity> StaleEntities()
    {
        if (!_input.EntitiesComplete)
        {
            return [];
        }

        var stale = new List<StaleEntity>();
        Dictionary<string, List<string>>? usersByLinkedId = null;
        foreach (var entity in _entities.Values.OrderBy(e => e.Identifier, StringComparer.Ordinal))
        {
            if (_indexById.ContainsKey(entity.Identifier))
            {
                continue;
            }

            // Indexed once, on the first stale entity: scanning every Port user per stale entity was quadratic.
            usersByLinkedId ??= UsersByLinkedId();
            List<string> linked = usersByLinkedId.TryGetValue(entity.Identifier, out var users)
                ? [.. users.Order(StringComparer.Ordinal)]
                : [];
            stale.Add(new StaleEntity(entity.Identifier, entity.Title, linked));
        }

        return stale;
    }

    private Dictionary<string, List<string>> UsersByLinkedId()
    {
        var byId = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var user in _input.PortUsers)
        {
            if (user.LinkedEmployeeId is { } id)
            {
                if (!byId.TryGetValue(id, out var users))
                {
                    users = [];
                    byId.Add(id, users);
                }

                users.Add(user.Identifier);
            }
        }

        return byId;
    }

    private void AddPortOnlyRow(PortUser portUser, string? email, string reason)
    {
        if (_ignores.TryGetValue(portUser.Identifier, out var entry))
        {
            _portOnlyRows.Add(new PersonRow(null, portUser, LinkStatus.Expected, email, PersonReasons.Expected(entry))
            {
                Decision = new RowDecision(
                    RowDecisionKind.Expected, entry.CreatedBy, entry.CreatedAt, entry.ExpiresAt, entry.Reason),
            });
            return;
        }

        _portOnlyRows.Add(new PersonRow(null, portUser, LinkStatus.PortOnly, email, reason));
    }

    private void PlanEntity(Employee employee)
    {
        _entities.TryGetValue(employee.Id, out var existing);
        if (employee.IsActive)
        {
            if (existing is null)
            {
                _hibobUserWrites.Add(new HibobUserWrite(HibobUserWriteKind.Create, HibobUserMapper.FromEmployee(employee)));
            }
            else if (!HibobUserMapper.Describes(existing, employee))
            {
                _hibobUserWrites.Add(new HibobUserWrite(HibobUserWriteKind.Update, HibobUserMapper.FromEmployee(employee)));
            }
            else
            {
                _unchanged++;
            }
        }
        else if (existing is null)
        {
            _skipped.Add(new SkippedItem(employee.Id, PersonReasons.InactiveNotCreated));
        }
        else if (existing.Properties.State != HibobUserMapper.InactiveState)
        {
            var write = HibobUserMapper.StateOnly(employee.Id, active: false);
            _hibobUserWrites.Add(new HibobUserWrite(HibobUserWriteKind.StateOnly, write));
        }
        else
        {
            _unchanged++;
        }
    }

    /// <summary>
    /// Port users no email match claimed: one whose relation points at an employee without a Port user joins that
    /// employee's row (an earlier or manual link); the rest are Port-only rows. No relation is changed or cleared.
    /// </summary>
    private void AttachOrListUnclaimed()
    {
        _unclaimed.Sort((a, b) => string.CompareOrdinal(a.PortUser.Identifier, b.PortUser.Identifier));
        foreach (var (portUser, slot) in _unclaimed)
        {
            var linked = LinkedPerson(portUser);
            if (linked is not null && ReferenceEquals(linked.PortUser, portUser))
            {
                continue;
            }

            if (linked is not null && linked.PortUser is null)
            {
                linked.PortUser = portUser;
                linked.LinkedEarlier = true;
                continue;
            }

            var reason = slot switch
            {
                { DuplicateIds: { } ids } => PersonReasons.PortUserOfDuplicate(ids),
                { InactiveEmployees.Count: > 0 } => PersonReasons.OnlyLeavers(slot.Email),
                _ => PersonReasons.NoEmployee(slot?.Email ?? portUser.Identifier),
            };
            AddPortOnlyRow(portUser, slot?.Email, reason + LinkNote(portUser));
        }
    }

    private bool IsLinkedToActive(PortUser portUser) => LinkedPerson(portUser)?.Employee.IsActive == true;

    private Person? LinkedPerson(PortUser portUser) =>
        portUser.LinkedEmployeeId is { } id && _indexById.TryGetValue(id, out var index) ? _people[index] : null;

    /// <summary>For a Port-only row whose relation is set: says that the link stays as it is.</summary>
    private string LinkNote(PortUser portUser)
    {
        if (string.IsNullOrWhiteSpace(portUser.LinkedEmployeeId))
        {
            return string.Empty;
        }

        var linked = LinkedPerson(portUser);
        return linked is null
            ? PersonReasons.LinkToUnknownKept(portUser.LinkedEmployeeId)
            : PersonReasons.LinkKept(linked.Employee);
    }

    private PersonRow[] BuildRows()
    {
        var rows = new PersonRow[_people.Count + _portOnlyRows.Count];
        var keys = new PersonRowOrder.Key[rows.Length];
        var next = 0;
        foreach (var person in _people)
        {
            var employee = person.Employee;
            rows[next] = new PersonRow(
                employee, person.PortUser, person.Status, person.NormalisedEmail, Reason(person))
            {
                Decision = person.Manual is { } link
                    ? new RowDecision(RowDecisionKind.ManualLink, link.CreatedBy, link.CreatedAt)
                    : null,
            };
            keys[next++] = new PersonRowOrder.Key(person.Status, employee.Name, employee.Id);
        }

        foreach (var row in _portOnlyRows)
        {
            rows[next] = row;
            keys[next++] = new PersonRowOrder.Key(row.Status, row.PortUser!.Title ?? row.PortUser.Identifier,
                row.PortUser.Identifier);
        }

        Array.Sort(keys, rows, PersonRowOrder.Comparer);
        return rows;
    }

    private string Reason(Person person)
    {
        var employee = person.Employee;
        var portUser = person.PortUser;
        var reason = person.Status switch
        {
            LinkStatus.Leaver => PersonReasons.Leaver(employee, portUser),
            LinkStatus.Protected => person.ProtectedReason!,
            _ when person.Manual is { } link => PersonReasons.ManuallyLinked(portUser!, link, person.Status),
            LinkStatus.EmailChanged => PersonReasons.EmailChanged(portUser!, person.NormalisedEmail!),
            LinkStatus.Matched => PersonReasons.Matched(portUser!),
            LinkStatus.PendingLink when string.IsNullOrWhiteSpace(portUser!.LinkedEmployeeId) =>
                PersonReasons.Link(portUser),
            LinkStatus.PendingLink when IsRehire(person, portUser!) =>
                PersonReasons.Rehire(portUser!, LinkedPerson(portUser!)!.Employee),
            LinkStatus.PendingLink => PersonReasons.Relink(portUser!, LinkedPerson(portUser!)?.Employee),
            LinkStatus.HiBobOnly when person.Slot?.HasServiceAccount == true =>
                PersonReasons.ServiceAccountEmail(person.NormalisedEmail!),
            LinkStatus.HiBobOnly when _input.CreateMissingPortUsers => PersonReasons.Creates(person.NormalisedEmail!),
            LinkStatus.HiBobOnly => PersonReasons.CreationOff(person.NormalisedEmail!),
            LinkStatus.DuplicateEmail => PersonReasons.Duplicate(person.NormalisedEmail!, person.Slot!.DuplicateIds!),
            LinkStatus.NoEmail => PersonReasons.NoEmail(employee.Id),
            LinkStatus.UnmappableEmail => PersonReasons.Unmappable(person.CleanEmail!, person.Violation!),
            _ => PersonReasons.Leaver(employee, portUser),
        };

        return person.LinkedEarlier && person.Status is not (LinkStatus.Leaver or LinkStatus.EmailChanged or LinkStatus.Protected)
            ? reason + PersonReasons.EarlierLink(portUser!)
            : reason;
    }

    /// <summary>A relink from an inactive record of the same email to this active one: the person was rehired.</summary>
    private bool IsRehire(Person person, PortUser portUser) =>
        LinkedPerson(portUser) is { Employee.IsActive: false } previous
        && previous.NormalisedEmail is not null
        && string.Equals(previous.NormalisedEmail, person.NormalisedEmail, StringComparison.Ordinal);

    /// <summary>One employee while it is being classified.</summary>
    private sealed class Person(Employee employee, string? cleanEmail)
    {
        public Employee Employee { get; } = employee;

        public string? CleanEmail { get; } = cleanEmail;

        /// <summary>Set only when the email is usable as a Port identifier.</summary>
        public string? NormalisedEmail { get; set; }

        public string? Violation { get; set; }

        public EmailSlot? Slot { get; set; }

        public LinkStatus Status { get; set; }

        public PortUser? PortUser { get; set; }

        /// <summary>The admin's link that decides this employee's Port user, when there is one.</summary>
        public ManualLink? Manual { get; set; }

        /// <summary>True when the Port user joined through its relation rather than its email.</summary>
        public bool LinkedEarlier { get; set; }

        /// <summary>Why the write this person needs was not planned, when their Port account is protected.</summary>
        public string? ProtectedReason { get; set; }
    }
}
