using System.Diagnostics;
using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class ScanCostTests
{
    // Not a benchmark: a quadratic regex would take minutes on this input, a linear one well under the bound even on a busy machine.
    [Fact]
    public void Large_base64_like_value_scans_in_linear_time()
    {
        var blob = "cert=" + new string('A', 200_000) + "== see https://" + new string('b', 200_000) + ":443/ password" + new string('x', 100_000);

        var clock = Stopwatch.StartNew();
        ConfigValueScanner.Scan(blob);
        SecretRedactor.Redact(blob);
        EnvVarScanner.Scan("BLOB", blob);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "scan took " + clock.Elapsed);
    }
}
