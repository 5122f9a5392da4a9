namespace MeshOps.Simulation;

/// <summary>Runs the simulated cluster as a process (the README demo, Pester); the entry point is filled in by the simulator.</summary>
internal static class Program
{
    private static int Main() => 0;
}
