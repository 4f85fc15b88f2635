namespace CloudPI.Iac.Checks;

public enum Verdict
{
    Pass,
    Fail,

    /// <summary>A deciding value is only known at deployment, is a secret, or lives in a resource the input left out.</summary>
    Unknown,
}
