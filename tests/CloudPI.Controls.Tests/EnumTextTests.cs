using CloudPI.Controls;

namespace CloudPI.Controls.Tests;

public class EnumTextTests
{
    private enum Sample
    {
        Critical = 1,
        High = 2,
        Severe = 2, // an alias: named as ToString names the value
    }

    [Fact]
    public void Names_each_value_as_ToString_does_in_its_case()
    {
        foreach (var value in Enum.GetValues<ControlSeverity>())
        {
            Assert.Equal(value.ToString(), EnumText.Name(value));
            Assert.Equal(value.ToString().ToLowerInvariant(), EnumText.Lower(value));
            Assert.Equal(value.ToString().ToUpperInvariant(), EnumText.Upper(value));
        }

        Assert.Equal(Sample.High.ToString().ToLowerInvariant(), EnumText.Lower(Sample.Severe));
    }

    [Fact]
    public void Names_an_undefined_value_by_its_number() =>
        Assert.Equal("7", EnumText.Lower((Sample)7));
}
