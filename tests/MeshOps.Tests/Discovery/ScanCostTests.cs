using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Tests.Discovery;

public class ScanCostTests
{
    // A regex that backtracks quadratically would not finish on this input; a linear scan reads it and still finds
    // what is in it. Timing is the benchmarks' business: this asserts only what the scan returns.
    [Fact]
    public void Large_base64_like_value_is_scanned_whole_and_still_redacted()
    {
        var blob = "cert=" + new string('A', 200_000) + "== see https://" + new string('b', 200_000) + ":443/ password=" + new string('x', 100_000);

        var endpoints = ConfigValueScanner.Scan(blob).Endpoints;
        var redacted = SecretRedactor.Redact(blob);

        Assert.Contains(endpoints, e => e.Port == 443);
        Assert.DoesNotContain(new string('x', 100), redacted);
    }
}
