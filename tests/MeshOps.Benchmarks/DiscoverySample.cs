using MeshOps.Discovery;

namespace MeshOps.Benchmarks;

/// <summary>One scan of one value: the thread's CPU time, the GC work during it and the bytes it allocated.</summary>
internal readonly record struct DiscoverySample(double Cpu, double GcPause, long AllocatedBytes, int Gen0, int Gen1, int Gen2, double KernelCpu, long PageFaults)
{
    public static (DiscoverySample Sample, int Endpoints) Measure(Func<string, DiscoveryResult> scan, string text)
    {
        FreshHeap.Prepare();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var (kernel, faults) = ThreadCpuTime.KernelUsage();
        var cpu = WorkClock.Milliseconds();
        var endpoints = scan(text).Endpoints.Count;
        var cpuAfter = WorkClock.Milliseconds();
        var (kernelAfter, faultsAfter) = ThreadCpuTime.KernelUsage();
        var sample = new DiscoverySample(
            cpuAfter - cpu,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gen0 - (GC.CollectionCount(1) - gen1),
            GC.CollectionCount(1) - gen1 - (GC.CollectionCount(2) - gen2),
            GC.CollectionCount(2) - gen2,
            kernelAfter - kernel,
            faultsAfter - faults);
        return (sample, endpoints);
    }

    /// <summary>Allocating the scan's result and nothing else (<see cref="ResultAllocation"/>): CPU ms, from the same start.</summary>
    public static double Floor(ResultAllocation result)
    {
        FreshHeap.Prepare();
        var cpu = WorkClock.Milliseconds();
        GC.KeepAlive(result.Allocate());
        return WorkClock.Milliseconds() - cpu;
    }
}
