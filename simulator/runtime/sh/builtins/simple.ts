/** : true false */
import { def } from "./table";

def(":", async () => 0, { special: true });
def("true", async () => 0);
def("false", async () => 1);
