using System.Diagnostics;
using System.Text;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// Starts <c>HiBobAdmin sync</c> (the app's own CLI, from the app's assembly beside this one) with the given
/// environment, and samples its peak working set while it runs.
/// </summary>
internal sealed class SyncProcess(IReadOnlyDictionary<string, string> environment)
{
    /// <summary>The app's default <c>Sync:MaxConcurrentRequests</c>, which the benchmark leaves alone.</summary>
    public int Concurrency { get; } = 4;

    public async Task<SyncExit> RunAsync(TimeSpan pollInterval)
    {
        var appAssembly = typeof(HiBobAdmin.Hosting.AppHost).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appAssembly)!,
        };
        start.ArgumentList.Add(appAssembly);
        start.ArgumentList.Add("sync");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // VmHWM only grows, so the last sample before exit is the peak up to that moment (the process's last few
        // milliseconds, its shutdown, are not seen).
        long peak = 0;
        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, SamplePeak(process));
            await Task.WhenAny(exited, Task.Delay(pollInterval));
        }

        await exited;
        clock.Stop();
        lock (output)
        {
            return new SyncExit(process.ExitCode, peak, clock.Elapsed, output.ToString());
        }
    }

    private static long SamplePeak(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // exited between the check and the sample
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // The benchmark may run under its apphost or under dotnet; the app is started by the same host either way.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? host
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}

/// <summary>How one sync process ended: exit code, sampled peak working set, wall time from start to exit, output.</summary>
internal sealed record SyncExit(int ExitCode, long PeakWorkingSet, TimeSpan Elapsed, string Output);
