namespace HiBobAdmin.Matching;

/// <summary>
/// The order of the people view: by status, then name (ignoring case), then id. Ordinal comparisons keep it
/// deterministic on every machine and cheap for large organisations.
/// </summary>
internal static class PersonRowOrder
{
    public static IComparer<Key> Comparer { get; } = new KeyComparer();

    /// <summary>What a row sorts by; computed once per row rather than on every comparison.</summary>
    internal readonly record struct Key(LinkStatus Status, string Name, string Id);

    private sealed class KeyComparer : IComparer<Key>
    {
        public int Compare(Key x, Key y)
        {
            // Enum.CompareTo takes an object and would box twice per comparison.
            var result = ((int)x.Status).CompareTo((int)y.Status);
            if (result == 0)
            {
                result = string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.Name, y.Name);
            }

            return result != 0 ? result : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
