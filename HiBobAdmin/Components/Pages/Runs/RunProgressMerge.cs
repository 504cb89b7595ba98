using HiBobAdmin.Storage;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Components.Pages.Runs;

/// <summary>Copies live numbers from the progress hub onto a run read from storage.</summary>
internal static class RunProgressMerge
{
    public static void Apply(SyncRun run, RunProgress progress)
    {
        run.Status = progress.Status;
        run.Planned = progress.Planned;

        // Storage lags the hub by up to two seconds; never show the bar going backwards.
        run.Done = Math.Max(run.Done, progress.Done);
        run.Failed = Math.Max(run.Failed, progress.Failed);
        run.Message = progress.Message ?? run.Message;
    }
}
