import zygote4j.*;
import static zygote4j.Zygote.*;
