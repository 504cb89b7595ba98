namespace HiBobAdmin.Sandbox;

/// <summary>Where a service user stands in the people-search rate window after one call.</summary>
/// <param name="Allowed">False when the call is over the limit (answered 429).</param>
/// <param name="Limit">Calls allowed per window.</param>
/// <param name="Remaining">Calls left in this window.</param>
/// <param name="ResetEpochSeconds">When the window ends, as Unix epoch seconds.</param>
internal sealed record HiBobRateWindow(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);
