/** Registers every builtin (importing each module fills the table). */
import "./simple";
import "./cd";
import "./varcmds";
import "./set";
import "./flow";
import "./trap";
import "./read";
import "./test";
import "./echo";
import "./printf";
import "./command";
import "./getopts";
import "./misc";
import "./kill";
import "./jobs";
import "./help";
import "./declare";
