import DixitKit
